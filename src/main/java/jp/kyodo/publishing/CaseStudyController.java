package jp.kyodo.publishing;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.groups.Choice;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Case studies for everyone ({@code /case-studies}) and for city staff under {@code /staff/case-studies}. */
@Controller
class CaseStudyController {

    static final int PAGE_SIZE = 10;

    private final CaseStudies cases;
    private final Groups groups;

    CaseStudyController(CaseStudies cases, Groups groups) {
        this.cases = cases;
        this.groups = groups;
    }

    @GetMapping("/case-studies")
    String list(@RequestParam(required = false) String form, @RequestParam(required = false) String field,
                @RequestParam(required = false) String year, @RequestParam(defaultValue = "0") int page, Model model) {
        CollaborationForm chosenForm = Arrays.stream(CollaborationForm.values()).filter(f -> f.name().equals(form)).findFirst().orElse(null);
        String chosenField = groups.fields().stream().map(Choice::code).filter(c -> c.equals(field)).findFirst().orElse(null);
        Integer chosenYear = year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null;
        model.addAttribute("cases", cases.publicList(new CaseStudies.Filter(chosenForm, chosenField, chosenYear), page, PAGE_SIZE));
        model.addAttribute("forms", CollaborationForm.values());
        model.addAttribute("fields", groups.fields().stream().filter(Choice::active).toList());
        model.addAttribute("years", cases.publicYears().stream().map(y -> new jp.kyodo.shared.FiscalYear(y)).toList());
        model.addAttribute("form", chosenForm);
        model.addAttribute("field", chosenField);
        model.addAttribute("year", chosenYear);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/case-studies");
        if (chosenForm != null) {
            base.queryParam("form", chosenForm.name());
        }
        if (chosenField != null) {
            base.queryParam("field", chosenField);
        }
        if (chosenYear != null) {
            base.queryParam("year", chosenYear);
        }
        model.addAttribute("baseUrl", base.encode().toUriString());
        return "publishing/cases/list";
    }

    @GetMapping("/case-studies/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("c", cases.publicCase(id));
        return "publishing/cases/detail";
    }

    @GetMapping("/case-studies/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return image(photoId, cases.photo(id, photoId, false));
    }

    // ---- Staff ----

    @GetMapping("/staff/case-studies")
    String staffList(Model model) {
        model.addAttribute("cases", cases.all());
        return "publishing/cases/staff-list";
    }

    @GetMapping("/staff/case-studies/from-project")
    String projects(Model model) {
        model.addAttribute("projects", cases.draftableProjects());
        return "publishing/cases/from-project";
    }

    @PostMapping("/staff/case-studies/from-project/{projectId}")
    String draftFromProject(@PathVariable long projectId, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        long id = cases.draftFromProject(user, projectId);
        redirect.addFlashAttribute("notice", "notice.case.drafted");
        return "redirect:/staff/case-studies/" + id;
    }

    @GetMapping("/staff/case-studies/new")
    String newForm(Model model) {
        return form(null, new LinkedMultiValueMap<>(), null, model);
    }

    @PostMapping("/staff/case-studies/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect) {
        long id;
        try {
            id = cases.create(user, params);
        } catch (InvalidInputException e) {
            return form(null, params, e, model);
        }
        redirect.addFlashAttribute("notice", "notice.case.saved");
        return "redirect:/staff/case-studies/" + id;
    }

    @GetMapping("/staff/case-studies/{id}")
    String edit(@PathVariable long id, Model model) {
        CaseStudies.CaseStudy c = cases.find(id);
        MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("title", c.title());
        typed.add("summary", c.summary());
        typed.add("form", c.form().name());
        typed.add("fiscalYear", String.valueOf(c.fiscalYear()));
        c.fields().forEach(f -> typed.add("fields", f.code()));
        typed.add("partnerGroups", c.partnerGroups());
        typed.add("departmentName", c.departmentName());
        typed.add("periodFrom", c.periodFrom() == null ? null : c.periodFrom().toString());
        typed.add("periodTo", c.periodTo() == null ? null : c.periodTo().toString());
        typed.add("budget", c.budget() == null ? null : String.valueOf(c.budget()));
        typed.add("activities", c.activities());
        typed.add("outcomes", c.outcomes());
        typed.add("evaluation", c.evaluation());
        typed.add("lessons", c.lessons());
        typed.add("version", String.valueOf(c.version()));
        return form(c, typed, null, model);
    }

    @PostMapping("/staff/case-studies/{id}")
    String update(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam MultiValueMap<String, String> params,
                  Model model, RedirectAttributes redirect) {
        try {
            cases.update(id, user, params);
        } catch (InvalidInputException e) {
            return form(cases.find(id), params, e, model);
        }
        redirect.addFlashAttribute("notice", "notice.case.saved");
        return "redirect:/staff/case-studies/" + id;
    }

    @PostMapping("/staff/case-studies/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String version,
                   Model model, RedirectAttributes redirect) {
        try {
            cases.publish(id, user, version);
        } catch (InvalidInputException e) {
            return problem(id, e, model);
        }
        redirect.addFlashAttribute("notice", "notice.case.published");
        return "redirect:/staff/case-studies/" + id;
    }

    @PostMapping("/staff/case-studies/{id}/unpublish")
    String unpublish(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String version,
                     Model model, RedirectAttributes redirect) {
        try {
            cases.unpublish(id, user, version);
        } catch (InvalidInputException e) {
            return problem(id, e, model);
        }
        redirect.addFlashAttribute("notice", "notice.case.unpublished");
        return "redirect:/staff/case-studies/" + id;
    }

    @PostMapping("/staff/case-studies/{id}/photos")
    String addPhoto(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) MultipartFile photo,
                    @RequestParam(required = false) String altText, Model model, RedirectAttributes redirect) throws IOException {
        try {
            cases.addPhoto(id, user, photo == null ? null : photo.getOriginalFilename(), photo == null ? null : photo.getBytes(), altText);
        } catch (InvalidInputException e) {
            String view = edit(id, model);
            model.addAttribute("photoErrors", e);
            model.addAttribute("photoTyped", Map.of("altText", altText == null ? "" : altText));
            return view;
        }
        redirect.addFlashAttribute("notice", "notice.case.photoAdded");
        return "redirect:/staff/case-studies/" + id + "#photos";
    }

    @PostMapping("/staff/case-studies/{id}/photos/{photoId}/delete")
    String removePhoto(@PathVariable long id, @PathVariable long photoId, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        cases.removePhoto(id, photoId, user);
        redirect.addFlashAttribute("notice", "notice.case.photoRemoved");
        return "redirect:/staff/case-studies/" + id + "#photos";
    }

    @GetMapping("/staff/case-studies/{id}/photos/{photoId}")
    ResponseEntity<byte[]> staffPhoto(@PathVariable long id, @PathVariable long photoId) {
        return image(photoId, cases.photo(id, photoId, true));
    }

    private String problem(long id, InvalidInputException e, Model model) {
        String view = edit(id, model);
        model.addAttribute("problem", e.problems().getFirst().messageKey());
        return view;
    }

    private String form(CaseStudies.CaseStudy c, MultiValueMap<String, String> typed, InvalidInputException errors, Model model) {
        model.addAttribute("c", c);
        Map<String, String> single = new HashMap<>(typed.toSingleValueMap());
        model.addAttribute("typed", single);
        model.addAttribute("typedFields", typed.getOrDefault("fields", List.of()));
        model.addAttribute("errors", errors);
        model.addAttribute("forms", CollaborationForm.values());
        model.addAttribute("fields", groups.fields().stream().filter(Choice::active).toList());
        if (!model.containsAttribute("photoTyped")) {
            model.addAttribute("photoTyped", Map.of());
        }
        return "publishing/cases/form";
    }

    /** A photo as the image its bytes were checked to be, shown inline under a name of the portal's making. */
    private static ResponseEntity<byte[]> image(long photoId, Map.Entry<String, byte[]> photo) {
        String extension = photo.getKey().equals("image/png") ? ".png" : ".jpg";
        ResponseEntity<byte[]> inline = jp.kyodo.shared.Downloads.inline("photo-" + photoId + extension, photo.getKey(), photo.getValue());
        return ResponseEntity.status(inline.getStatusCode()).headers(inline.getHeaders()).cacheControl(CacheControl.noCache()).body(inline.getBody());
    }
}
