package io.orderflow.deploy;

import java.util.regex.Pattern;

/** Image references that name one release, not whatever is newest. */
final class Images {

	/**
	 * At least major.minor: "17.6", "4.1.2", "25.0.3_9-jre-noble", "8.0"; or a digest.
	 */
	private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+\\.\\d+([._+-][A-Za-z0-9._-]+)?");

	private Images() {
	}

	static boolean pinned(String image) {
		if (image == null) {
			return false;
		}
		if (image.contains("@sha256:")) {
			return true;
		}
		int slash = image.lastIndexOf('/');
		int colon = image.lastIndexOf(':');
		if (colon < slash + 1) {
			return false;
		}
		String tag = image.substring(colon + 1);
		return !tag.equals("latest") && VERSION_TAG.matcher(tag).matches();
	}

}
