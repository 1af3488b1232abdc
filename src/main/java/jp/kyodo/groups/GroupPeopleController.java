package jp.kyodo.groups;

import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.FormErrors;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A group's managing people manage its members and invitations; an invited person accepts by the e-mailed link. */
@Controller
@RequestMapping("/my/groups")
class GroupPeopleController {

    private final GroupPeople people;
    private final GroupRegistry registry;

    GroupPeopleController(GroupPeople people, GroupRegistry registry) {
        this.people = people;
        this.registry = registry;
    }

    @GetMapping("/{id}/people")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return show(model, user, id, new InviteForm(), null);
    }

    @PostMapping("/{id}/people/invite")
    String invite(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @ModelAttribute("form") InviteForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            people.invite(id, user, form.getEmail(), form.getRole());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return show(model, user, id, form, null);
        }
        redirect.addFlashAttribute("notice", "notice.groupPeople.invited");
        return "redirect:/my/groups/" + id + "/people";
    }

    @PostMapping("/{id}/people/invitations/{invitationId}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long invitationId,
                  RedirectAttributes redirect) {
        people.cancel(id, user, invitationId);
        redirect.addFlashAttribute("notice", "notice.groupPeople.invitationCancelled");
        return "redirect:/my/groups/" + id + "/people";
    }

    @PostMapping("/{id}/people/{accountId}/role")
    String role(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long accountId,
                @RequestParam(required = false) String role, Model model, RedirectAttributes redirect) {
        try {
            people.changeRole(id, user, accountId, role);
        } catch (InvalidInputException e) {
            return show(model, user, id, new InviteForm(), e.problems().getFirst().messageKey());
        }
        redirect.addFlashAttribute("notice", "notice.groupPeople.roleChanged");
        return "redirect:/my/groups/" + id + (accountId == user.accountId() && !GroupRole.valueOf(role).manages() ? "" : "/people");
    }

    @PostMapping("/{id}/people/{accountId}/remove")
    String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long accountId, Model model,
                  RedirectAttributes redirect) {
        boolean self;
        try {
            self = people.remove(id, user, accountId);
        } catch (InvalidInputException e) {
            return show(model, user, id, new InviteForm(), e.problems().getFirst().messageKey());
        }
        redirect.addFlashAttribute("notice", "notice.groupPeople.removed");
        return self ? "redirect:/my/groups" : "redirect:/my/groups/" + id + "/people";
    }

    @GetMapping("/invitations/{token}")
    String invitation(@AuthenticationPrincipal SignedInUser user, @PathVariable String token, Model model) {
        model.addAttribute("invitation", people.invitation(token, user));
        model.addAttribute("token", token);
        return "groups/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@AuthenticationPrincipal SignedInUser user, @PathVariable String token, Model model, RedirectAttributes redirect) {
        GroupPeople.InvitationView result = people.accept(token, user);
        if (result.state() == GroupPeople.InvitationView.State.OPEN
                || result.state() == GroupPeople.InvitationView.State.ALREADY_ACCEPTED) {
            redirect.addFlashAttribute("notice", "notice.groupPeople.joined");
            return "redirect:/my/groups";
        }
        model.addAttribute("invitation", result);
        model.addAttribute("token", token);
        return "groups/invitation";
    }

    private String show(Model model, SignedInUser user, long id, InviteForm form, String peopleError) {
        model.addAttribute("group", registry.forManager(id, user.accountId()));
        model.addAttribute("members", people.members(id, user));
        model.addAttribute("invitations", people.pending(id, user));
        model.addAttribute("roles", GroupRole.values());
        model.addAttribute("form", form);
        model.addAttribute("peopleError", peopleError);
        model.addAttribute("me", user.accountId());
        return "groups/people";
    }
}
