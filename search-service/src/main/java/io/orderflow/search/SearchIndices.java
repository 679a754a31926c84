package io.orderflow.search;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The concrete indices behind the aliases: made with their explicit settings and mappings
 * when missing, a new generation per reindex, and the atomic swap of the alias onto it.
 * Nobody outside this class deals with concrete index names but the reindex, which
 * receives them from here.
 */
@Component
class SearchIndices {

	static final String REINDEX_STATE = "search-reindex";

	private static final Logger logger = LoggerFactory.getLogger(SearchIndices.class);

	private static final DateTimeFormatter GENERATION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private final ElasticsearchClient client;

	private final Clock clock;

	private final Duration buildingAliasRefresh;

	private final Set<String> ready = ConcurrentHashMap.newKeySet();

	private final Map<SearchIndex, Building> building = new ConcurrentHashMap<>();

	SearchIndices(ElasticsearchClient client, Clock clock, SearchProperties properties) {
		this.client = client;
		this.clock = clock;
		this.buildingAliasRefresh = properties.buildingAliasRefresh();
	}

	/**
	 * Makes the indices at start; an engine that is down then is not fatal: every writer
	 * and reader makes sure again before its first call.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void prepare() {
		try {
			for (SearchIndex index : SearchIndex.values()) {
				ensure(index);
			}
			ensureReindexState();
		}
		catch (SearchUnavailable ex) {
			logger.warn("Search engine unavailable at start, indices will be made on first use: {}", ex.getMessage());
		}
	}

	/** Makes sure the alias exists, creating its first index when it does not. */
	void ensure(SearchIndex index) {
		if (this.ready.contains(index.alias())) {
			return;
		}
		boolean exists = EngineCalls.call("Look up alias " + index.alias(),
				() -> this.client.indices().existsAlias((alias) -> alias.name(index.alias())).value());
		if (!exists) {
			// A fixed name, so that instances starting together make one index, not two
			// behind the same alias.
			createIndex(index.initialIndex(), index.definition(), index.alias());
			logger.info("Created index {} behind alias {}", index.initialIndex(), index.alias());
		}
		this.ready.add(index.alias());
	}

	void ensureReindexState() {
		if (this.ready.contains(REINDEX_STATE)) {
			return;
		}
		boolean exists = EngineCalls.call("Look up index " + REINDEX_STATE,
				() -> this.client.indices().exists((lookup) -> lookup.index(REINDEX_STATE)).value());
		if (!exists) {
			createIndex(REINDEX_STATE, "search/" + REINDEX_STATE + ".json", null);
		}
		this.ready.add(REINDEX_STATE);
	}

	/**
	 * Whether a reindex is filling a new index for {@code index}, as seen at most
	 * {@code building-alias-refresh} ago.
	 */
	boolean isBuilding(SearchIndex index) {
		long now = this.clock.millis();
		Building seen = this.building.get(index);
		if (seen != null && now - seen.seenAt() < this.buildingAliasRefresh.toMillis()) {
			return seen.building();
		}
		boolean building = EngineCalls.call("Look up alias " + index.buildingAlias(),
				() -> this.client.indices().existsAlias((alias) -> alias.name(index.buildingAlias())).value());
		this.building.put(index, new Building(building, now));
		return building;
	}

	/** The concrete indices the live alias points at (one, but for a broken swap). */
	Set<String> live(SearchIndex index) {
		return EngineCalls.call("Resolve alias " + index.alias(),
				() -> this.client.indices().getAlias((alias) -> alias.name(index.alias())).aliases().keySet());
	}

	/**
	 * Creates the next concrete index for {@code index} behind its building alias, so the
	 * listeners start writing to it too; first removes what an abandoned reindex left.
	 * @return its name
	 */
	String createGeneration(SearchIndex index) {
		deleteBuilding(index);
		String name = index.alias() + "-" + GENERATION.format(this.clock.instant());
		createIndex(name, index.definition(), index.buildingAlias());
		return name;
	}

	/**
	 * In one request, so readers see either the old index or the new one: the live alias
	 * leaves the old indices for {@code next}, and the building alias goes.
	 */
	void swap(SearchIndex index, Set<String> previous, String next) {
		// Searchable at once after the swap, not only after the next periodic refresh.
		EngineCalls.call("Refresh " + next, () -> this.client.indices().refresh((refresh) -> refresh.index(next)));
		EngineCalls.call("Swap alias " + index.alias(), () -> this.client.indices().updateAliases((update) -> {
			for (String old : previous) {
				update.actions((action) -> action.remove((remove) -> remove.index(old).alias(index.alias())));
			}
			update.actions((action) -> action.add((add) -> add.index(next).alias(index.alias())));
			update.actions((action) -> action.remove((remove) -> remove.index(next).alias(index.buildingAlias())));
			return update;
		}));
		this.building.remove(index);
	}

	void delete(String concreteIndex) {
		EngineCalls.call("Delete index " + concreteIndex, () -> {
			try {
				return this.client.indices().delete((delete) -> delete.index(concreteIndex));
			}
			catch (ElasticsearchException ex) {
				if (ex.status() == 404) {
					return null;
				}
				throw ex;
			}
		});
	}

	/** Deletes whatever index the building alias points at (an abandoned reindex's). */
	void deleteBuilding(SearchIndex index) {
		boolean exists = EngineCalls.call("Look up alias " + index.buildingAlias(),
				() -> this.client.indices().existsAlias((alias) -> alias.name(index.buildingAlias())).value());
		if (exists) {
			Set<String> left = EngineCalls.call("Resolve alias " + index.buildingAlias(),
					() -> this.client.indices()
						.getAlias((alias) -> alias.name(index.buildingAlias()))
						.aliases()
						.keySet());
			left.forEach(this::delete);
		}
		this.building.remove(index);
	}

	private void createIndex(String name, String definition, String alias) {
		EngineCalls.call("Create index " + name, () -> {
			try (InputStream json = new ClassPathResource(definition).getInputStream()) {
				return this.client.indices().create((create) -> {
					create.index(name).withJson(json);
					if (alias != null) {
						create.aliases(alias, (aliasSettings) -> aliasSettings);
					}
					return create;
				});
			}
			catch (ElasticsearchException ex) {
				if ("resource_already_exists_exception".equals(ex.error().type())) {
					return null;
				}
				throw ex;
			}
		});
	}

	private record Building(boolean building, long seenAt) {
	}

}
