package dev.throughline.readmodel.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.coordination.SiteRevisions;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.PropertyEventTimes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The read model's services over the database store, shared by every feature. */
@Configuration
class ReadModelConfiguration {

    @Bean
    IssueSync issueSync(IssueFactsStore store, Clock clock, ObjectProvider<KeyedLocks> locks,
            @Value("${throughline.readmodel.overlap:5m}") Duration overlap) {
        IssueSync sync = new IssueSync(store, clock, overlap);
        locks.ifAvailable(sync::useLocks);
        return sync;
    }

    @Bean
    ProjectIssues projectIssues(IssueSync sync, @Value("${throughline.program.cache-ttl:10m}") Duration maxAge,
            SiteRevisions revisions) {
        return new SyncedProjectIssues(sync, maxAge, revisions);
    }

    @Bean
    RefinementSync refinementSync(ProgramRefinements refinements, IssueSync sync) {
        return new RefinementSync(refinements, sync);
    }

    @Bean
    IssueEvents issueEvents(IssueFactsStore store, PropertyEventTimes times, SiteRevisions revisions,
            ProgramRefinements refinements, Clock clock) {
        return new IssueEvents(store, times, revisions, Optional.of(new RefinementEvents(refinements, clock)));
    }

}
