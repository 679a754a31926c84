package io.orderflow.provider;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LedgerTests {

	private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	@Test
	void remembersChargesRefundsAndKeysAcrossARestart() {
		Ledger before = open();
		Charge charge = before.charge("key-1", visa("order-1"));
		Refund refund = before.refund("key-2", new RefundRequest(null, "order-1", new BigDecimal("4.99")));

		Ledger after = open();

		assertThat(after.charge(charge.id()).amountRefunded()).isEqualByComparingTo("4.99");
		assertThat(after.refunds("order-1")).containsExactly(refund);
		assertThat(after.charge("key-1", visa("order-1"))).isEqualTo(charge);
		assertThat(after.refund("key-2", new RefundRequest(null, "order-1", new BigDecimal("4.99")))).isEqualTo(refund);
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> after.charge("key-1", visa("order-2")))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(409));
		assertThat(after.charges("order-1")).hasSize(1);
	}

	@Test
	void startsAfterAKillLeftAHalfWrittenLineAndKeepsRecording() throws IOException {
		Charge first = open().charge("key-1", visa("order-1"));
		Files.writeString(this.dataDir.resolve(Journal.FILE_NAME), "{\"kind\":\"charge\",\"requ",
				StandardOpenOption.APPEND);

		Charge second = open().charge("key-2", visa("order-2"));

		Ledger reopened = open();
		assertThat(reopened.charge(first.id())).isEqualTo(first);
		assertThat(reopened.charge(second.id())).isEqualTo(second);
	}

	@Test
	void stampsChargesAndRefundsWithItsClock() {
		Ledger ledger = Ledger.open(Journal.of(null, this.json), this.clock);

		Charge charge = ledger.charge("key-1", visa("order-1"));
		Refund refund = ledger.refund("key-2", new RefundRequest(charge.id(), null, null));

		assertThat(charge.created()).isEqualTo(NOW.getEpochSecond());
		assertThat(refund.created()).isEqualTo(NOW.getEpochSecond());
	}

	@Test
	void keepsNothingOnDiskWithoutADataDirectory() {
		Ledger.open(Journal.of(null, this.json), this.clock).charge("key-1", visa("order-1"));

		assertThat(Ledger.open(Journal.of(null, this.json), this.clock).charges(null)).isEmpty();
		assertThat(this.dataDir).isEmptyDirectory();
	}

	private Ledger open() {
		return Ledger.open(Journal.of(this.dataDir, this.json), this.clock);
	}

	private static ChargeRequest visa(String orderId) {
		return new ChargeRequest(new BigDecimal("44.99"), "EUR", "tok_visa", orderId, "customer-1");
	}

}
