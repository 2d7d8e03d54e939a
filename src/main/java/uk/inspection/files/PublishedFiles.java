package uk.inspection.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.ruleset.EffectiveDates;
import uk.inspection.ruleset.PublishedVersion;
import uk.inspection.ruleset.RuleSetRegistry;
import uk.inspection.ruleset.RulesSnapshot;
import uk.inspection.ruleset.RulesSource;
import uk.inspection.ruleset.VersionPrefix;
import uk.inspection.ruleset.VersionWanted;

/**
 * A framework's files at the version a request asks for, as the source holds them: the
 * version in force now, the one in force at an instant ({@code Ruleset-As-Of}), or any
 * version ever published ({@code Ruleset-Version}, a unique prefix of 12 hex digits or
 * more accepted). The development mode has only its folder: the version its files make.
 */
@Component
public class PublishedFiles {

    private final RuleSetRegistry registry;

    private final Clock clock;

    PublishedFiles(RuleSetRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public Decision<FrameworkFiles> at(String framework, VersionWanted wanted) throws IOException {
        if (!registry.knows(framework)) {
            return Decision.refused(Failure.unknownFramework(framework, registry.frameworks().keySet()));
        }
        RulesSource source = registry.source();
        Optional<String> damage = source.damaged(framework);
        if (damage.isPresent()) {
            return Decision.refused(Failure.ruleSetDamaged(framework, damage.get()));
        }
        List<PublishedVersion> published = source.published(framework).orElse(List.of());
        if (published.isEmpty()) {
            return folder(framework, wanted, FrameworkFiles.of(framework, source.current()));
        }
        return wanted.instant().then(asOf -> {
            if (wanted.isPinned()) {
                return pinned(framework, wanted.pinned(), published);
            }
            Instant at = asOf == null ? clock.instant() : asOf;
            return EffectiveDates.inForceAt(published, at)
                .map(v -> holding(framework, v.rulesetVersion()))
                .orElseGet(
                        () -> Decision.refused(Failure.invalidFacts(List.of(new FieldProblem(VersionWanted.AS_OF_HEADER,
                                "no version of " + framework + " was in force at " + at)))));
        });
    }

    private Decision<FrameworkFiles> pinned(String framework, String pinned, List<PublishedVersion> published) {
        if (pinned.contains(",")) {
            return Decision.refused(Failure
                .malformed(new FieldProblem(VersionWanted.PINNED_HEADER, "one version, not several (" + pinned + ")")));
        }
        return VersionPrefix.resolvePublished(VersionWanted.PINNED_HEADER, pinned, published)
            .then(version -> holding(framework, version));
    }

    private Decision<FrameworkFiles> holding(String framework, String version) {
        return registry.source()
            .holding(framework, version)
            .map(snapshot -> Decision.decided(read(framework, snapshot)))
            .orElseGet(() -> Decision
                .refused(Failure.versionGone(framework, version, "never published to the rule store")));
    }

    /**
     * The development mode's folder, which is the only version it has: a pin must name it
     * (or a prefix of it), and nothing is in force at an instant.
     */
    private static Decision<FrameworkFiles> folder(String framework, VersionWanted wanted, FrameworkFiles files) {
        return wanted.instant().then(asOf -> {
            if (asOf != null) {
                return Decision.refused(Failure.invalidFacts(List.of(new FieldProblem(VersionWanted.AS_OF_HEADER,
                        framework + " has no published history (the development mode's rules folder)"))));
            }
            if (!wanted.isPinned()) {
                return Decision.decided(files);
            }
            return VersionPrefix.resolve(VersionWanted.PINNED_HEADER, wanted.pinned(), List.of(files.version()))
                .then(version -> version.equals(files.version()) ? Decision.decided(files)
                        : Decision.refused(Failure.versionGone(framework, version,
                                "the development mode has only its folder's files, version " + files.version())));
        });
    }

    private static FrameworkFiles read(String framework, RulesSnapshot snapshot) {
        try {
            return FrameworkFiles.of(framework, snapshot);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
