# Settle pages: English (the reference catalogue; every other language has the same ids).
# { $symbol } is a currency symbol, { $amount } a number already in this language's format.
money = { $symbol }{ $amount }

language-label = Language
resolver-title = Dispute to resolve
customer-title = Your account
powered-by = Dispute management by Settle

## Error pages
error-forbidden-title = This link is not valid
error-forbidden-body = The address may have been mistyped or altered. Open the link exactly as you received it.
error-gone-title = This link is no longer active
error-gone-body = It has expired or was withdrawn. Please ask your contact in the credit department for a new link.
error-throttled-title = Too many attempts
error-throttled-body = Please wait { $minutes } minutes before trying again.
error-notfound-title = Page not found
error-notfound-body = There is nothing at this address.
error-invalid-title = Please check what you entered
error-invalid-body = Nothing was saved. Go back to the page, correct the fields below and send again.
error-server-title = Something went wrong
error-server-body = Nothing was saved. Please try again in a moment.
error-report-title = This report cannot be shown
error-report-body = A filter is not valid. Correct it and show the report again.
back-to-page = Back to the page

## Field errors
error-comment = Please write a message (at most { $max } characters, no control characters).
error-item = Select at least one of your open items.
error-reason = Choose a reason from the list.
error-date = Choose a valid date within the allowed range.
error-reference = The reference is too long or contains control characters.
error-file = Attach a PDF, PNG or JPEG file of at most 5 MB.
error-outcome = Choose one of the proposed outcomes.
error-resolver_id = Choose another active colleague.
error-form_token = The form has expired. Reload the page and send again.
error-form = The form could not be read. Reload the page and send again.

## Tables
col-select = Select
col-number = Number
col-document-date = Document date
col-due-date = Due date
col-amount = Amount
col-open-amount = Open amount
col-disputed = In dispute
disputed-part = { $amount } in dispute
col-currency = Currency
col-status = Status
overdue = Overdue
days-overdue = { $days ->
    [one] { $days } day overdue
   *[other] { $days } days overdue
}
total-label = Total
outstanding = Outstanding
overdue-total = Overdue
disputed-total = In dispute
no-open-items = There are no open items on this account.
none = None

## Resolver page
resolver-heading = Dispute: { $name }
customer-label = Customer
customer-id = Customer id
entity-label = Company
dispute-status = Status
status-date = Status date
collector-comment = Comment from the credit department
follow-up = Follow-up
follow-up-date = Follow-up date
items-concerned = Items concerned
thread-heading = Messages
thread-empty = No messages yet.
speaker-collector = Credit department
speaker-resolver = Resolver
speaker-customer = Customer
speaker-system = System
on-items = on { $number }
account-summary = Account summary
other-open-items = Other open items
reply-heading = Answer
reply-label = Your message
reply-send = Send the answer
outcome-heading = Propose an outcome
outcome-label = Outcome
outcome-comment-label = Explanation (optional)
outcome-send = Propose this outcome
outcome-credit_note = Credit note to issue
outcome-not_justified = Not justified — the customer must pay
outcome-need_info = Need more information
outcome-resolved = Resolved
attach-heading = Attach documents
attach-label = Files (PDF, PNG or JPEG, up to 5 MB each)
attach-send = Attach
attachments-heading = Documents
no-attachments = No documents yet.
handover-heading = Hand over to a colleague
handover-label = Colleague
handover-comment-label = Note for your colleague (optional)
handover-send = Hand over
resolver-note = The credit department closes the dispute once it is settled. Your answers are sent to them.
saved = Saved. The credit department has been told.

## Customer page
customer-heading = Statement of account: { $name }
statement-heading = Open items
download-csv = Download as CSV
select-hint = Each task below has its own list of items: tick the ones it concerns.
comment-heading = Send a comment
comment-label = Your comment
comment-send = Send the comment
dispute-heading = Dispute items
dispute-reason = Reason
dispute-comment = Explain the problem
dispute-attach = Supporting documents (optional)
dispute-send = Dispute the selected items
promise-heading = Promise to pay
promise-date = Payment date (within { $days } days)
promise-comment = Comment (optional)
promise-send = Promise to pay the selected items
payment-heading = A payment is on its way
payment-date = Payment date
payment-reference = Payment reference (optional)
payment-send = Tell us about the payment
tracker-heading = Your disputes
tracker-empty = You have no disputes.
tracker-opened = Opened on
tracker-reason = Reason
tracker-items = Items
tracker-state = State
tracker-state-open = Open
tracker-state-answered = Answered
tracker-state-resolved = Resolved on { $date }
your-messages = Your messages
customer-saved = Thank you. Your request has been recorded and the credit department has been told.

## Statuses as customers see them
status-price_dispute = Price disputed
status-quality_dispute = Quality disputed
status-delivery_dispute = Delivery disputed
status-administrative_dispute = Being checked
status-promise_to_pay = Payment promised
status-payment_in_progress = Payment on its way
status-dispute_resolved = Dispute resolved

## Reports
percent = { $value }%
report-console = Back to the console
report-disputes-title = Dispute report
report-item-statuses-title = Item status report
report-kpis-title = Receivables KPIs
report-dispute-cases-title = Dispute analytics
report-as-of = As of { $date }
report-filters = Filters
report-filters-hint = Entity, collector and customer choose the items counted; status and resolver choose the disputed or qualified items the figures are about.
report-field-as-of = Date
report-field-entity = Entity
report-field-collector = Collector
report-field-customer = Customer id
report-field-status = Status
report-field-resolver = Resolver
report-field-from = Resolutions from
report-field-to = Resolutions to
report-field-cei-from = CEI period from
report-field-cei-to = CEI period to
report-field-months = Months of trend
report-field-language = Language
report-any = Any
report-apply = Show the report
report-download = Download as CSV
report-summary = Summary
report-outstanding = Outstanding
report-items = { $n ->
    [one] { $n } item
   *[other] { $n } items
}
report-disputed = Disputed outstanding
report-disputed-items = Disputed items
report-rate-amount = Dispute rate (amount)
report-rate-count = Dispute rate (count)
report-by-status = By dispute type
report-by-any-status = By status
report-by-customer = By customer
report-by-resolver = By resolver
report-by-entity = By entity
report-by-collector = By collector
report-aging = Age of open disputes
report-age-0-30 = 0–30 days
report-age-31-60 = 31–60 days
report-age-61-90 = 61–90 days
report-age-90-plus = Over 90 days
report-trend = Disputed outstanding at each month end
report-resolution = Disputes resolved from { $from } to { $to }
report-resolution-by-status = Resolution delay by dispute type
report-resolution-by-resolver = Resolution delay by resolver
report-resolved = Resolved
report-average = Average delay (days)
report-median = Median delay (days)
report-p90 = 90th percentile (days)
report-name = Name
report-amount = Amount
report-count = Items
report-share = Share
report-date = Date
report-none-status = No status
report-none-resolver = No resolver
report-none-collector = No collector
report-empty = Nothing to report.
report-overdue = Overdue
report-qualified = Qualified
report-qualification-rate = Qualification rate
report-qualification-rate-count = Qualification rate (count)
report-kpi-dso-countback = DSO, count-back (days)
report-kpi-dso-simple = DSO, simple (days)
report-kpi-best-dso = Best possible DSO (days)
report-kpi-add = Average days delinquent
report-kpi-disputed-dso = Disputed DSO (days)
report-kpi-cei = Collection effectiveness index, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Dispute (read-only)
resolver-readonly-resolved = This dispute is resolved. The page stays available to read; answers, files and hand-overs are closed.
resolver-readonly-handed-over = You handed this dispute over, or it was reassigned. The page stays available to read; the person now in charge answers from their own link.
error-closed-resolved-title = This dispute is resolved
error-closed-resolved-body = Nothing was saved: the dispute was settled and its page is read-only now.
error-closed-handed-over-title = This dispute is in someone else's hands
error-closed-handed-over-body = Nothing was saved: the dispute was handed over. The person now in charge answers from their own link.
error-quota = These files would pass what may be uploaded: 25 MB per link, 50 MB per dispute. Send fewer or smaller files, or email them to your contact.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Type
kind-invoice = Invoice
kind-credit_note = Credit note
kind-payment_on_account = Payment on account
kind-other = Other
dispute-amount = Amount in dispute (optional)
dispute-amount-hint = For part of one invoice only: tick that invoice. Leave blank to dispute the whole open amount.
error-amount = Give an amount in dispute for one invoice at a time, no more than its open amount, or leave it blank.
error-amounts = { error-amount }
