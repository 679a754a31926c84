package io.orderflow.search;

import java.io.IOException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * Runs a call to the engine, turning every failure that says "the engine is not there
 * right now" into {@link SearchUnavailable}; failures of the request itself (a bad query,
 * a version conflict) pass through as the client threw them.
 */
final class EngineCalls {

	private EngineCalls() {
	}

	static <T> T call(String what, Call<T> call) {
		try {
			return call.run();
		}
		catch (ElasticsearchException ex) {
			if (isUnavailable(ex.status())) {
				throw new SearchUnavailable(what + ": the search engine answered " + ex.status(), ex);
			}
			throw ex;
		}
		catch (co.elastic.clients.transport.TransportException ex) {
			if (ex.statusCode() > 0 && !isUnavailable(ex.statusCode())) {
				throw new IllegalStateException(what + ": " + ex.getMessage(), ex);
			}
			throw new SearchUnavailable(what + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new SearchUnavailable(what + ": " + ex, ex);
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof IOException) {
					throw new SearchUnavailable(what + ": " + cause, ex);
				}
			}
			throw ex;
		}
	}

	static boolean isUnavailable(int status) {
		return status >= 500 || status == 429;
	}

	static boolean isStatus(Throwable failure, int status) {
		return failure instanceof ElasticsearchException engine && engine.status() == status;
	}

	@FunctionalInterface
	interface Call<T> {

		T run() throws IOException;

	}

}
