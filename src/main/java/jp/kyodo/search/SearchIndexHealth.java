package jp.kyodo.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the search index: out of service until the start-up refill of empty types is done (on a first start,
 * or a node whose index was deleted, that takes minutes on a large registry), so that a load balancer sends no one
 * to a node whose search would miss records. Part of the readiness group ({@code /readyz}).
 */
@Component("searchIndexHealthIndicator")
class SearchIndexHealth implements HealthIndicator {

    private final SearchIndex index;

    SearchIndexHealth(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        return index.ready() ? Health.up().build() : Health.outOfService().withDetail("reason", "refilling the index").build();
    }
}
