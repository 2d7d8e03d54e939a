package uk.inspection.store;

import java.io.IOException;

import org.eclipse.jgit.lib.ObjectId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    private final StoreDamage damage;

    StoreController(GitRuleStore store, StoreSync sync, StoreDamage damage) {
        this.store = store;
        this.sync = sync;
        this.damage = damage;
    }

    /**
     * The published branch's head in the store (null when it cannot be read), the commit
     * this instance serves, and the damage found in the store, if any.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoreView(String publishedHead, String servingCommit, String damage) {
    }

    @Operation(summary = "The rule store's published head, the commit this instance serves, and any damage found")
    @GetMapping("/api/v1/store")
    StoreView store() {
        ObjectId head;
        try {
            head = store.head(GitRuleStore.PUBLISHED);
        }
        catch (IOException e) {
            head = null;
        }
        return new StoreView(head == null ? null : head.getName(), sync.serving(), damage.summary().orElse(null));
    }

    @Operation(summary = "Fetch the rule store now and go live on its published commit (for a Git server's webhook)")
    @PostMapping("/api/v1/store/refresh")
    StoreView refresh() throws IOException {
        sync.refresh();
        return store();
    }

}
