package io.orderflow.systemtests;

import java.nio.file.Path;
import java.util.Arrays;

import io.orderflow.stack.Checkout;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.Progress;

/**
 * Stands in for a test JVM in {@link KilledTestJvmIT}: starts some components bound to
 * this JVM, says so, and waits to be killed.
 * <p>
 * Arguments: state directory, port offset, component names.
 */
public final class BoundStackMain {

	static final String UP = "bound stack is up";

	private BoundStackMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		LocalStack stack = LocalStack.builder(Checkout.locate())
			.stateDirectory(Path.of(args[0]))
			.portOffset(Integer.parseInt(args[1]))
			.boundToThisJvm()
			.build();
		stack.up(Arrays.asList(args).subList(2, args.length), Progress.SILENT);
		System.out.println(UP);
		Thread.currentThread().join();
	}

}
