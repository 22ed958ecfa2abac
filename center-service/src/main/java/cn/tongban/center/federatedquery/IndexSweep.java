package cn.tongban.center.federatedquery;

import org.springframework.scheduling.annotation.Scheduled;

/** Runs the holder-index sweep soon after start (the full publication of a new center) and then periodically. */
class IndexSweep {

    private final HolderIndexPublisher publisher;

    IndexSweep(HolderIndexPublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(initialDelayString = "${tongban.federated-query.sweep-initial-delay:20s}",
            fixedDelayString = "${tongban.federated-query.sweep-interval:1h}")
    void sweep() {
        publisher.sweep();
    }
}
