# Settle console: English (the reference catalogue; every other language has the same ids).
# The pages' catalogue (pages.ftl) is loaded too: column names, "None", the thread, the
# balances come from there.

## Frame
nav-label = Sections
nav-customers = Customers
nav-agenda = Agenda
nav-disputes = Disputes
nav-reports = Reports
nav-users = Users
sign-out = Sign out
back-to-console = Back to the console

## Sign-in and first admin
sign-in-title = Sign in
sign-in = Sign in
sign-in-refused = The email or the password is not right, or this account is inactive.
sign-in-first-time = First time on this installation? Sign in with the email admin and the admin token to create the first account.
first-admin-title = Create the first administrator
first-admin-intro = Nobody can sign in yet. This account will manage the users, the statuses and the rest of the configuration.
first-admin-create = Create and sign in
password-rule = At least 12 characters, not all the same, and not your email.

## Fields
field-email = Email
field-password = Password
field-name = Name
field-language = Language
field-role = Role
field-active = Active
field-comment = Comment
field-status = Choose a status that is active.
field-status_date = Give a valid date, not in the future.
field-resolver_id = Choose an active resolver.
field-item_ids = Tick open items of this customer.
field-next_action = Check the next action: type, name and date are needed.
field-template = Choose an email template.
field-to = The recipient has no email address.
field-version = Someone changed this action meanwhile: here it is as it is now. Make your change again.
field-type = This action cannot be terminated that way.
field-date = Give a valid date.
field-state = This action is already terminated.
field-form = The form could not be read. Reload the page and send again.
field-conflict = This conflicts with what is already recorded.
new-password = New password
role-collector = Collector
role-admin = Administrator
yes = Yes
no = No
add-user = Add a user
form-not-saved = Nothing was saved. Please correct:

## Customers
customers-search = Search by name or id
search = Search
customers-count = { $count ->
    [one] { $count } line
   *[other] { $count } lines
}
customers-none = No customer matches.
col-name = Name
col-id = Id
col-outstanding = Outstanding
col-overdue = Overdue
col-next = Next action
col-collector = Collector
col-resolver = Resolver
col-dunning = Dunning
pages-label = Pages
previous-page = Previous
next-page = Next
page-of = Page { $n } of { $count }

## Customer sheet
totals-heading = Totals
next-scenario-step = Next reminder
filter-overdue = Due
filter-all = All
filter-overdue-yes = Overdue only
filter-overdue-no = Not overdue
filter-apply = Show
select-item = Select { $number }
in-scenario = In the scenario
held-by-action = Held by an action
first-page = Back to the first items
next-items = Next items
col-open-items = Items
change-status = Change status…
live-actions = Live actions
no-live-actions = No live action.
history-heading = History
items-count = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
step-letter = Letter
step-email = Email
step-call = Call

## Change status
steps-label = Steps
step-1 = Status
step-2 = Email
step-3 = Next action
choose = Choose…
next-step = Next
disputed-amounts = Amount in dispute
disputed-amounts-hint = For a dispute status: the part of each item the customer disputes. Leave blank for the whole open amount.
email-template = Email template
email-preview = Preview
email-to = To
email-subject = Subject
email-body = Body
email-edit = Edit the email
email-refresh = Preview again
email-send-next = Send this email and continue
email-skip = Continue without email
email-will-send = The email { $template } will be sent on confirmation.
email-skipped = No email will be sent.
routed-resolver = Resolver: { $resolver }, chosen by routing rule { $rule }.
next-action = Next action
next-scenario = Let the reminder scenario run
next-suggested = The suggested follow-up (every field can be changed)
next-define = Define an action
confirm = Confirm
cancel = Cancel

## Actions
action-type = Type
action-name = Name
action-date = Date
action-done-on = Terminated on
action-state-live = Live
action-state-done = Terminated
action-type-dispute = Dispute follow-up
action-type-promise = Promise to pay
action-type-call = Call
action-type-email = Email
action-type-letter = Letter
action-type-task = Task
open-customer = Open the customer
open-action = Open
modify = Modify
save = Save
detach = Take the ticked items out of the action
detached = taken out
terminate = Terminate
terminate-dispute-hint = The items still in dispute become "Dispute resolved" and go back to the reminder scenario.
terminate-hint = The items go back to the reminder scenario.
answered = Answered

## Agenda
agenda-due = Due
agenda-replies = Replies and comments
agenda-date = Due by
agenda-count = { $count ->
    [one] { $count } thing to do
   *[other] { $count } things to do
}
agenda-empty = Nothing is due.
record-reminder = Mark the reminder as done
new = New
replies-empty = No reply in the last 30 days.

## Failures
failure-forbidden-title = Not allowed
failure-forbidden-body = You may not do this, or the form has expired. Reload the page and try again.
failure-notfound-title = Page not found
failure-notfound-body = There is nothing at this address.
failure-method-title = Not available
failure-method-body = This address does not answer that kind of request.
failure-invalid-title = Please check what you entered
failure-invalid-body = Nothing was saved.
failure-throttled-title = Too many attempts
failure-throttled-body = Please wait { $minutes } minutes before trying again.
failure-toolarge-title = Too much at once
failure-toolarge-body = The form is too large. Select fewer items.
failure-server-title = Something went wrong
failure-server-body = Nothing was saved. Please try again in a moment.

## History
actor-admin = Administrator
event-created = created
event-updated = updated
event-status_changed = status changed
event-payment = payment
event-closed = paid off
event-reopened = reopened
event-action_attached = held by an action
event-action_detached = taken out of an action
event-comment = comment
event-outcome = outcome proposed
event-attachment = file attached
event-handover = handed over
event-reminder = reminder sent

## Admin screens
nav-admin = Administration
admin-title = Administration
admin-created = Created

# Email templates by name, and the preview's text part
email-text-part = The text part
email-template-name-resolver_dispute = To the resolver: dispute to resolve
email-template-name-customer_confirmation = To the customer: dispute confirmation

# Outbound webhooks (admin)
field-url = Give an http or https address that the webhook_origins setting allows.
field-events = Tick at least one event.

# Import (admin)
import-title = Import
import-hint = Import an export from your ERP (SAP, Sage, Dynamics, Odoo or your own columns): see how Settle reads it and what it would change before anything is written.
import-done = The file was imported.
import-file = File
import-target = The file holds
import-target-items = Open items
import-target-payments = Payments
import-target-customers = Customers
import-profile = Import profile
import-own-columns = Settle's own columns
import-mode = Items sent
import-mode-delta = Changes only (delta)
import-mode-stock = Everything open (stock snapshot)
import-entity = Entity (stock snapshot)
import-preview = Preview
import-history = Import history
import-rows = Rows
import-result = Result
import-count-created = created
import-count-updated = updated
import-count-unchanged = unchanged
import-count-closed = closed
import-count-applied = applied
import-count-already_applied = already applied
import-no-history = No file imported yet.
import-reading = How the file is read
import-detected = found in the file
import-delimiter = Separator
import-decimal = Decimal mark
import-date-format = Date format
import-encoding = Encoding
import-skip-rows = Lines to skip before the header
import-read-again = Read again
import-summary = What the import would do
import-read-as = Read as { $encoding }, separator { $delimiter }
import-rows-read = Rows read: { $count }
import-rows-refused = Rows refused: { $count }
import-would = Would be:
import-confirm = Import { $count } rows
import-fix-first = Correct the refused lines in the file or the profile, then upload it again: nothing is imported while a line is refused.
import-refused = Refused lines
import-line = Line
import-column = Column
import-why = Why
import-first-rows = The first { $count } rows as Settle reads them
import-no-rows = No row could be read.
import-mapping = Columns
import-mapping-hint = For each field, the file's own column that holds it; save the mapping as a profile to use it again.
import-no-column = — none —
import-profile-code = Profile code
import-save-profile = Save as a profile
field-file = Choose the file to import.
field-profile = Choose a profile that reads this kind of data.
field-code = Give a code of lowercase letters, digits, - or _.
field-escalation-contact = Escalation contact
escalation-nobody = Nobody
escalation-hint = When one of this resolver's disputes is overdue past its status's escalation days, this person is emailed a link to it, once, and may answer it.
agenda-late = Late disputes
agenda-broken = Broken promises
late-count = { $count ->
    [one] 1 dispute past its deadline
    *[other] { $count } disputes past their deadline
}
late-empty = No dispute is past its deadline.
broken-empty = No promise to pay was broken in the last 60 days.
col-customer = Customer
col-deadline = Deadline
col-days-late = Days late
escalated = escalated
promised-on = Promised for { $date }
broken-on = broken on { $date }
