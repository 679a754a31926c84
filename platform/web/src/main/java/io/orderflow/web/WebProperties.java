package io.orderflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code orderflow.web.*}.
 *
 * @param maxRequestSize the largest request body accepted; larger ones get 413
 */
@ConfigurationProperties("orderflow.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxRequestSize) {
}
