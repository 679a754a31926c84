package io.orderflow.notification;

import java.util.Objects;

/**
 * Whose notifications a reader sees: those of one owner (a client its own, an operator
 * one client's), or every owner's including notifications without one (operators only).
 */
final class Visibility {

	private static final Visibility EVERY_OWNER = new Visibility(null);

	private final String owner;

	private Visibility(String owner) {
		this.owner = owner;
	}

	static Visibility ownedBy(String owner) {
		return new Visibility(Objects.requireNonNull(owner, "owner"));
	}

	static Visibility everyOwner() {
		return EVERY_OWNER;
	}

	/** The one owner shown, or null when every owner's are. */
	String owner() {
		return this.owner;
	}

	boolean shows(Notification notification) {
		return this.owner == null || this.owner.equals(notification.owner());
	}

}
