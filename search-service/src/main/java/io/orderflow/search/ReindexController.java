package io.orderflow.search;

import java.net.URI;
import java.util.List;

import io.orderflow.web.ApiProblem;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' reindex ({@code admin}, see {@link ApiScopes}): started here, followed on
 * its status resource from any instance.
 */
@RestController
@RequestMapping("/api/v1/search/reindex")
class ReindexController {

	private final Reindex reindex;

	private final ReindexRuns runs;

	ReindexController(Reindex reindex, ReindexRuns runs) {
		this.reindex = reindex;
		this.runs = runs;
	}

	/** Rebuilds {@code index} ({@code orders} or {@code products}), or both. */
	@PostMapping
	ResponseEntity<ReindexStatus> start(@RequestParam(required = false) String index) {
		List<SearchIndex> targets;
		if (index == null || index.isBlank()) {
			targets = List.of(SearchIndex.values());
		}
		else {
			SearchParameters parameters = new SearchParameters();
			SearchIndex named = SearchIndex.named(index.strip()).orElse(null);
			parameters.check(named != null, "index", "must be orders or products");
			parameters.validate();
			targets = List.of(named);
		}
		ReindexStatus status = this.reindex.start(targets);
		return ResponseEntity.accepted().location(URI.create("/api/v1/search/reindex/" + status.id())).body(status);
	}

	@GetMapping("/{id}")
	ReindexStatus status(@PathVariable String id) {
		return this.runs.find(id).orElseThrow(() -> ApiProblem.notFound("REINDEX_NOT_FOUND", "No reindex " + id + "."));
	}

}
