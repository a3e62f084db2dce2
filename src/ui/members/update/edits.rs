//! Opening the edit forms of memberships, sizes and funders, and asking before a deletion.

use crate::ui::members::forms::{Deletion, FunderForm, MembershipForm, SizeForm};
use crate::ui::members::{Choice, Form, Screen};
use crate::ui::widgets::Tone;

impl Screen {
    pub(super) fn edit_membership(&mut self, id: i64) {
        let found = self
            .page
            .as_ref()
            .and_then(|p| p.memberships.iter().find(|m| m.id == id))
            .map(MembershipForm::of);
        if let Some(form) = found {
            self.open(Form::Membership(form));
        }
    }

    pub(super) fn edit_size(&mut self, id: i64) {
        if let Some(s) = self.base.sizes.iter().find(|s| s.id == id) {
            let form = SizeForm::of(s);
            self.open(Form::Size(form));
        }
    }

    pub(super) fn edit_funder(&mut self, id: i64) {
        if let Some(f) = self.base.funders.iter().find(|f| f.id == id) {
            let form = FunderForm::of(f);
            self.open(Form::Funder(form));
        }
    }

    /// Asks before deleting; a funder that still funds baskets is refused at once.
    pub(super) fn ask_delete(&mut self, what: Deletion) {
        if let Deletion::Funder(id) = what {
            let funded = self.base.funded.get(&id).copied().unwrap_or(0);
            if funded > 0 {
                let name = self
                    .base
                    .funders
                    .iter()
                    .find(|f| f.id == id)
                    .map_or("Ce financeur", |f| f.name.as_str());
                let message = format!(
                    "{name} finance {funded} Panier{s} Solidaire{s} : il ne peut pas être supprimé. \
                     Modifiez-le et décochez « actif » pour ne plus le proposer.",
                    s = if funded > 1 { "s" } else { "" }
                );
                self.form = Form::None;
                self.form_error = None;
                self.message = Some((Tone::Error, message));
                return;
            }
        }
        self.open(Form::Delete(what));
    }

    /// The other households a subscription of the member shown may be shared with, by name.
    pub(super) fn household_choices(&self) -> Vec<Choice> {
        let me = self.page.as_ref().map_or(0, |p| p.member.id);
        self.base
            .rows
            .iter()
            .filter(|r| r.member.id != me)
            .map(|r| {
                let m = &r.member;
                let mut label = crate::domain::text::list_name(&m.first_name, &m.last_name);
                if !m.city.is_empty() {
                    label.push_str(&format!(" ({})", m.city));
                }
                Choice {
                    id: m.id,
                    label: label.trim().to_owned(),
                }
            })
            .collect()
    }

    pub(super) fn shared_with_picked(&mut self, choice: Choice) {
        if let Form::Subscription(f) = &mut self.form {
            f.shared_with = Some(choice);
        }
    }
}
