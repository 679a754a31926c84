package io.orderflow.provider;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param slowDelay how long {@code tok_slow} takes to answer: longer than
 * payment-service's client timeout, so the client gives up on a charge that did happen
 * @param dataDir where the ledger's journal is kept; none means in memory only, forgotten
 * on restart (what the tests use)
 */
@ConfigurationProperties("orderflow.provider")
public record ProviderProperties(@DefaultValue("10s") Duration slowDelay, Path dataDir) {

}
