package uk.inspection.store;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The rule store itself: where it is, what this instance serves, and a refresh a Git
 * server's webhook can call.
 */
@RestController
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class StoreController {

    private final GitRuleStore store;

    private final StoreSync sync;

    StoreController(GitRuleStore store, StoreSync sync) {
        this.store = store;
        this.sync = sync;
    }

    /** The published branch's head in the store, and the commit this instance serves. */
    record StoreView(String publishedHead, String servingCommit) {
    }

    @Operation(summary = "The rule store's published head and the commit this instance serves")
    @GetMapping("/api/v1/store")
    StoreView store() throws IOException {
        return new StoreView(store.head(GitRuleStore.PUBLISHED).getName(), sync.serving());
    }

    @Operation(summary = "Fetch the rule store now and go live on its published commit (for a Git server's webhook)")
    @PostMapping("/api/v1/store/refresh")
    StoreView refresh() throws IOException {
        sync.refresh();
        return store();
    }

}
