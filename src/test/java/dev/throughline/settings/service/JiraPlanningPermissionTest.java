package dev.throughline.settings.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraForbiddenException;
import dev.throughline.jira.JiraGroup;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.settings.PlanningPermission;
import dev.throughline.settings.Planners;
import dev.throughline.settings.SiteSettings;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class JiraPlanningPermissionTest {

    private final Site site = new Site("site-1", URI.create("https://acme.atlassian.net"));

    private final JiraClient client = mock(JiraClient.class);

    private final SiteSettingsService settings = mock(SiteSettingsService.class);

    private PlanningPermission planning;

    @BeforeEach
    void wire() {
        JiraClients clients = mock(JiraClients.class);
        when(clients.forSite(any())).thenReturn(client);
        planning = new JiraPlanningPermission(clients, settings);
    }

    private void planners(List<String> accountIds, List<String> groups) {
        when(settings.settings(site))
            .thenReturn(new SiteSettings(Optional.empty(), 90, Optional.empty(), new Planners(accountIds, groups), 1));
    }

    @Test
    void aPlannerNamedByAccountIdCostsNoJiraCall() {
        planners(List.of("acc-1"), List.of("pm"));

        assertThat(planning.canPlan(Caller.of(site, "acc-1"))).isTrue();
        verify(client, never()).isAdministrator(anyString());
        verify(client, never()).groupsOf(anyString());
    }

    @Test
    void aJiraAdministratorMayPlanWithoutBeingNamed() {
        planners(List.of(), List.of("pm"));
        when(client.isAdministrator("boss")).thenReturn(true);

        assertThat(planning.canPlan(Caller.of(site, "boss"))).isTrue();
        verify(client, never()).groupsOf(anyString());
    }

    @Test
    void aMemberOfANamedGroupMayPlanWhateverTheCaseOfItsName() {
        planners(List.of(), List.of("Roadmap-Planners"));
        when(client.groupsOf("acc-2")).thenReturn(List.of(new JiraGroup("roadmap-planners", Optional.empty())));

        assertThat(planning.canPlan(Caller.of(site, "acc-2"))).isTrue();
    }

    @Test
    void everyoneElseIsRefusedWithTheReasonAndGroupsAreNotAskedWhenNoneAreNamed() {
        planners(List.of("acc-1"), List.of());

        assertThatThrownBy(() -> planning.requirePlanner(Caller.of(site, "acc-3")))
            .isInstanceOf(NotAllowedException.class)
            .hasMessage(PlanningPermission.REASON);
        verify(client, never()).groupsOf(anyString());
    }

    @Test
    void whenJiraRefusesToListGroupsNobodyPlansThroughAGroup() {
        planners(List.of(), List.of("pm"));
        when(client.groupsOf("acc-2")).thenThrow(new JiraForbiddenException("403", List.of("No permission"), Map.of()));

        assertThat(planning.canPlan(Caller.of(site, "acc-2"))).isFalse();
    }

    @Test
    void aTokenWithoutAUserIsRefused() {
        planners(List.of(), List.of());

        assertThatThrownBy(() -> planning.canPlan(Caller.of(site, null)))
            .isInstanceOf(Caller.NoUserInTokenException.class);
    }

}
