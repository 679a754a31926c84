package io.orderflow.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one entry point to real infrastructure in a test, plain Java:
 *
 * <pre class="code">
 * String bootstrapServers = TestInfrastructure.kafka().bootstrapServers();
 * PostgresDatabase orders = TestInfrastructure.postgres().database("orders");
 * </pre>
 *
 * Each server starts on first use and is then shared by every test in the JVM until the
 * JVM ends. Spring Boot tests use {@link RealInfrastructure} instead, which calls this.
 * <p>
 * Start-up waits at most {@value #STARTUP_TIMEOUT_PROPERTY} seconds (default 120: the
 * servers share two cores with the build on small machines).
 */
public final class TestInfrastructure {

	public static final String STARTUP_TIMEOUT_PROPERTY = "orderflow.test-infra.startup-timeout";

	private static final System.Logger logger = System.getLogger(TestInfrastructure.class.getName());

	private static final Lazy<InfrastructureMode> mode = new Lazy<>(() -> {
		InfrastructureMode selected = InfrastructureMode.selected();
		logger.log(System.Logger.Level.INFO, "Test infrastructure: {0} (choose with -D{1}=auto|embedded|containers)",
				selected, InfrastructureMode.PROPERTY);
		return selected;
	});

	private static final Lazy<EmbeddedServers> embedded = new Lazy<>(() -> new EmbeddedServers(startupTimeout()));

	private static final Lazy<Containers> containers = new Lazy<>(() -> new Containers(startupTimeout()));

	private static final Lazy<KafkaBroker> kafka = new Lazy<>(
			() -> started("Kafka", EmbeddedServers::kafka, Containers::kafka));

	private static final Lazy<PostgresServer> postgres = new Lazy<>(
			() -> started("PostgreSQL", EmbeddedServers::postgres, Containers::postgres));

	private static final Lazy<MongoServer> mongo = new Lazy<>(
			() -> started("MongoDB", EmbeddedServers::mongo, Containers::mongo));

	private static final Lazy<SearchEngine> search = new Lazy<>(
			() -> started("search engine", EmbeddedServers::search, Containers::search));

	private static final Lazy<RedisServer> redis = new Lazy<>(
			() -> started("Redis", EmbeddedServers::redis, Containers::redis));

	private static final Lazy<TestTraces> traces = new Lazy<>(TestTraces::install);

	private TestInfrastructure() {
	}

	public static KafkaBroker kafka() {
		return kafka.get();
	}

	public static PostgresServer postgres() {
		return postgres.get();
	}

	public static MongoServer mongo() {
		return mongo.get();
	}

	public static SearchEngine search() {
		return search.get();
	}

	public static RedisServer redis() {
		return redis.get();
	}

	public static TestTraces traces() {
		return traces.get();
	}

	/** Embedded or containers, as selected for this JVM. */
	public static InfrastructureMode mode() {
		return mode.get();
	}

	/**
	 * Starts what {@code infrastructure} names that is not running yet, side by side:
	 * servers spend much of their start-up waiting, so starting them together is faster
	 * than one after the other. For a test's {@code @BeforeAll} that needs several.
	 */
	public static void start(Infrastructure... infrastructure) {
		start(List.of(infrastructure));
	}

	/** {@link #start(Infrastructure...)} for a collection. */
	public static void start(Collection<Infrastructure> infrastructure) {
		// Not the common pool: it has a single thread on two cores.
		ThreadFactory threads = Thread.ofPlatform().name("test-infra-start-", 1).daemon().factory();
		try (ExecutorService executor = Executors.newThreadPerTaskExecutor(threads)) {
			List<CompletableFuture<?>> starting = new ArrayList<>();
			for (Infrastructure each : infrastructure) {
				starting.add(CompletableFuture.runAsync(() -> get(each), executor));
			}
			CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	private static Object get(Infrastructure infrastructure) {
		return switch (infrastructure) {
			case KAFKA -> kafka();
			case POSTGRES -> postgres();
			case MONGO -> mongo();
			case SEARCH -> search();
			case REDIS -> redis();
			case TRACES -> traces();
			case TOKENS -> TestTokens.jwkSetUri();
		};
	}

	private static <S extends Server> S started(String what, Function<EmbeddedServers, S> embeddedServer,
			Function<Containers, S> containerServer) {
		long start = System.nanoTime();
		S server = (mode() == InfrastructureMode.EMBEDDED) ? embeddedServer.apply(embedded.get())
				: containerServer.apply(containers.get());
		logger.log(System.Logger.Level.INFO, "{0} started in {1} ms: {2}", what,
				Duration.ofNanos(System.nanoTime() - start).toMillis(), server);
		return server;
	}

	private static Duration startupTimeout() {
		return Duration.ofSeconds(Long.getLong(STARTUP_TIMEOUT_PROPERTY, 120));
	}

	/**
	 * A value computed once, on first use; a failure is remembered so that the next test
	 * fails fast with the same cause instead of waiting for the same timeout again.
	 */
	private static final class Lazy<T> {

		private final Supplier<T> supplier;

		private T value;

		private RuntimeException failure;

		Lazy(Supplier<T> supplier) {
			this.supplier = supplier;
		}

		synchronized T get() {
			if (this.failure != null) {
				throw new IllegalStateException("Failed earlier in this JVM: " + this.failure.getMessage(),
						this.failure);
			}
			if (this.value == null) {
				try {
					this.value = this.supplier.get();
				}
				catch (RuntimeException ex) {
					this.failure = ex;
					throw ex;
				}
			}
			return this.value;
		}

	}

}
