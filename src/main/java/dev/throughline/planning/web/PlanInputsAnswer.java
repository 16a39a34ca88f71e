package dev.throughline.planning.web;

import dev.throughline.planning.Candidate;
import dev.throughline.planning.PlanOdds;
import dev.throughline.planning.PlanProblem;
import dev.throughline.planning.ProgramInputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan inputs read from the program, in the shape of a solve body (so a client can
 * change them and post them to {@code solve}), with the effort unit and the open epics
 * left out because they have no value score yet; {@code model}, {@code apart} and
 * {@code converted}: the one-model rule ({@code OneModel}); {@code candidateKind}
 * {@code epics}, or {@code issues} for a program without open epics.
 */
public record PlanInputsAnswer(String unit, List<String> periods, double discount, double confidenceThreshold,
        List<PlanRequest.TeamBody> teams, List<PlanRequest.CandidateBody> candidates,
        Map<String, List<Double>> throughput, List<ProgramInputs.Unscored> unscored, String prompt, String model,
        List<ProgramInputs.Apart> apart, List<ProgramInputs.Converted> converted, String candidateKind) {

    static final String PROMPT = "Score these epics on the program's value model to plan them.";

    /**
     * What to do about the epics apart: score them with the plan's model (or convert
     * their model in the plan); empty when none is apart.
     */
    static String prompt(ProgramInputs inputs) {
        if (!inputs.notice().isEmpty()) {
            return inputs.notice();
        }
        if (inputs.apart().isEmpty()) {
            return "";
        }
        if (ProgramInputs.ISSUES.equals(inputs.candidateKind())) {
            return "Score these issues with " + inputs.model().orElse("the program's value model")
                    + " and estimate them to plan them, or set a documented conversion of their model in the plan.";
        }
        return inputs.model()
            .map(m -> "Score these epics with " + m
                    + " to plan them, or set a documented conversion of their model in the plan.")
            .orElse(PROMPT);
    }

    static PlanInputsAnswer of(ProgramInputs inputs) {
        List<PlanRequest.TeamBody> teams = inputs.teams()
            .stream()
            .map(t -> new PlanRequest.TeamBody(t.id(), t.name(), t.capacity()))
            .toList();
        List<PlanRequest.CandidateBody> candidates = new ArrayList<>();
        for (Candidate c : inputs.candidates()) {
            candidates.add(new PlanRequest.CandidateBody(c.key(), c.summary(), c.teamId(), c.value(), c.effort(),
                    c.blockers(), c.outsideBlockers(), null, false));
        }
        Map<String, List<Double>> throughput = new LinkedHashMap<>();
        inputs.teams().forEach(t -> {
            List<Double> weeks = new ArrayList<>();
            for (double week : inputs.throughput().get(t.id()).weeks()) {
                weeks.add(week);
            }
            throughput.put(t.id(), weeks);
        });
        return new PlanInputsAnswer(inputs.unit(), inputs.periods(), PlanProblem.DEFAULT_DISCOUNT,
                PlanOdds.DEFAULT_THRESHOLD, teams, candidates, throughput, inputs.unscored(), prompt(inputs),
                inputs.model().orElse(null), inputs.apart(), inputs.converted(), inputs.candidateKind());
    }

}
