package org.credstack.web.operator;

import org.credstack.web.Fetched;
import org.credstack.web.ServiceCalls;
import org.credstack.web.signin.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The operator's pipeline page (docs/web-app-operator.md), operators only ({@code /operator/**}):
 *
 * <ul>
 *   <li>{@code GET /operator}: lag per service, consumer group and topic; dead letters with their error and a replay
 *       button; the unmatched inbox; the counts of the last hour; each service's health. A service that does not
 *       answer is named in each section it is missing from.
 *   <li>{@code GET /operator/sections/{name}}: one section ({@code lag}, {@code dead-letters}, {@code inbox},
 *       {@code last-hour}, {@code health}) for htmx to refresh in place.
 *   <li>{@code GET /operator/dead-letters/replay?service=&dlqTopic=&partition=&offset=}: asks to confirm a replay;
 *       {@code POST} to the same path replays it and redirects to the page, which shows the result.
 * </ul>
 */
@Controller
class OperatorController {

    private final Pipeline pipeline;
    private final OperatedServices services;
    private final ServiceCalls calls;

    OperatorController(Pipeline pipeline, OperatedServices services, ServiceCalls calls) {
        this.pipeline = pipeline;
        this.services = services;
        this.calls = calls;
    }

    @GetMapping("/operator")
    String pipeline(Caller caller, Model model) {
        Pipeline.Sections sections = pipeline.all(caller.authorization());
        model.addAttribute("lag", sections.lag());
        model.addAttribute("deadLetters", sections.deadLetters());
        model.addAttribute("inbox", sections.inbox());
        model.addAttribute("lastHour", sections.lastHour());
        model.addAttribute("health", sections.health());
        return "operator/pipeline";
    }

    @GetMapping("/operator/sections/{name}")
    String section(@PathVariable String name, Caller caller, Model model) {
        String authorization = caller.authorization();
        switch (name) {
            case "lag" -> model.addAttribute("lag", pipeline.lag(authorization));
            case "dead-letters" -> model.addAttribute("deadLetters", pipeline.deadLetters(authorization));
            case "inbox" -> model.addAttribute("inbox", pipeline.inbox(authorization));
            case "last-hour" -> model.addAttribute("lastHour", pipeline.lastHour(authorization));
            case "health" -> model.addAttribute("health", pipeline.health(authorization));
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no section " + name);
        }
        return "operator/pipeline :: " + name;
    }

    @GetMapping("/operator/dead-letters/replay")
    String confirmReplay(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String dlqTopic,
            @RequestParam(required = false) String partition,
            @RequestParam(required = false) String offset,
            Model model) {
        model.addAttribute("target", ReplayTarget.parse(services, service, dlqTopic, partition, offset));
        return "operator/replay";
    }

    @PostMapping("/operator/dead-letters/replay")
    String replay(
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String dlqTopic,
            @RequestParam(required = false) String partition,
            @RequestParam(required = false) String offset,
            Caller caller,
            RedirectAttributes redirect) {
        ReplayTarget target = ReplayTarget.parse(services, service, dlqTopic, partition, offset);
        OperatedService operated = services.named(target.service()).orElseThrow();
        Fetched<JsonNode> replayed = calls.call(
                operated.breaker(),
                () -> operated.operations()
                        .replay(caller.authorization(), target.dlqTopic(), target.partition(), target.offset()));
        redirect.addFlashAttribute("replay", result(target, replayed));
        return "redirect:/operator#dead-letters";
    }

    private static ReplayResult result(ReplayTarget target, Fetched<JsonNode> replayed) {
        String letter = target.dlqTopic() + " partition " + target.partition() + " offset " + target.offset() + " of "
                + target.service();
        return switch (replayed.state()) {
            case FOUND ->
                new ReplayResult(
                        true,
                        "Replayed " + letter + " to "
                                + replayed.value().path("originalTopic").asString("its topic")
                                + " (partition "
                                + replayed.value().path("republishedPartition").asString("?")
                                + ", offset "
                                + replayed.value().path("republishedOffset").asString("?") + ").");
            case CONFLICT -> new ReplayResult(false, "Not replayed again: " + replayed.detail());
            case NOT_FOUND ->
                new ReplayResult(
                        false,
                        "Not replayed: " + target.service() + " has no dead letter " + target.dlqTopic() + " partition "
                                + target.partition() + " offset " + target.offset() + ".");
            case REJECTED, FORBIDDEN -> new ReplayResult(false, "Not replayed: " + replayed.detail());
            case UNAVAILABLE ->
                new ReplayResult(
                        false,
                        target.service() + " did not answer, so the replay of " + letter
                                + " may not have happened; the list below says whether it did.");
        };
    }
}
