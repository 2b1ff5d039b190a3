# Settle-console: Nederlands.

## Frame
nav-label = Onderdelen
nav-customers = Klanten
nav-agenda = Agenda
nav-disputes = Geschillen
nav-reports = Rapporten
nav-users = Gebruikers
sign-out = Afmelden
back-to-console = Terug naar de console

## Sign-in and first admin
sign-in-title = Aanmelden
sign-in = Aanmelden
sign-in-refused = Het e-mailadres of het wachtwoord klopt niet, of dit account is inactief.
sign-in-first-time = Voor het eerst op deze installatie? Meld u aan met het e-mailadres admin en het beheertoken om het eerste account te maken.
first-admin-title = De eerste beheerder aanmaken
first-admin-intro = Nog niemand kan zich aanmelden. Dit account beheert de gebruikers, de statussen en de rest van de configuratie.
first-admin-create = Aanmaken en aanmelden
password-rule = Minstens 12 tekens, niet allemaal gelijk, en niet uw e-mailadres.

## Fields
field-email = E-mail
field-password = Wachtwoord
field-name = Naam
field-language = Taal
field-role = Rol
field-active = Actief
field-comment = Opmerking
field-status = Kies een actieve status.
field-status_date = Geef een geldige datum op, niet in de toekomst.
field-resolver_id = Kies een actieve behandelaar.
field-item_ids = Vink openstaande posten van deze klant aan.
field-next_action = Controleer de volgende actie: type, naam en datum zijn nodig.
field-template = Kies een e-mailsjabloon.
field-to = De ontvanger heeft geen e-mailadres.
field-version = Iemand heeft deze actie intussen gewijzigd: hier is ze zoals ze nu is. Voer uw wijziging opnieuw in.
field-type = Deze actie kan zo niet worden afgesloten.
field-date = Geef een geldige datum op.
field-state = Deze actie is al afgesloten.
field-form = Het formulier kon niet worden gelezen. Laad de pagina opnieuw en verstuur nogmaals.
field-conflict = Dit is in strijd met wat al is vastgelegd.
new-password = Nieuw wachtwoord
role-collector = Incassomedewerker
role-admin = Beheerder
yes = Ja
no = Nee
add-user = Gebruiker toevoegen
form-not-saved = Er is niets opgeslagen. Corrigeer:

## Customers
customers-search = Zoeken op naam of nummer
search = Zoeken
customers-count = { $count ->
    [one] { $count } regel
   *[other] { $count } regels
}
customers-none = Geen klant komt overeen.
col-name = Naam
col-id = Nummer
col-outstanding = Openstaand
col-overdue = Vervallen
col-next = Volgende actie
col-collector = Incassomedewerker
col-resolver = Behandelaar
col-dunning = Aanmaning
pages-label = Pagina's
previous-page = Vorige
next-page = Volgende
page-of = Pagina { $n } van { $count }

## Customer sheet
totals-heading = Totalen
next-scenario-step = Volgende herinnering
filter-overdue = Vervaldatum
filter-all = Alle
filter-overdue-yes = Alleen vervallen
filter-overdue-no = Niet vervallen
filter-apply = Tonen
select-item = { $number } selecteren
in-scenario = In het scenario
held-by-action = Vastgehouden door een actie
first-page = Terug naar de eerste posten
next-items = Volgende posten
col-open-items = Posten
change-status = Status wijzigen…
live-actions = Lopende acties
no-live-actions = Geen lopende actie.
history-heading = Geschiedenis
items-count = { $count ->
    [one] { $count } post
   *[other] { $count } posten
}
step-letter = Brief
step-email = E-mail
step-call = Telefoongesprek

## Change status
steps-label = Stappen
step-1 = Status
step-2 = E-mail
step-3 = Volgende actie
choose = Kiezen…
next-step = Volgende
disputed-amounts = Betwist bedrag
disputed-amounts-hint = Bij een geschilstatus: het deel van elke post dat de klant betwist. Leeg laten voor het hele openstaande bedrag.
email-template = E-mailsjabloon
email-preview = Voorbeeld
email-to = Aan
email-subject = Onderwerp
email-body = Tekst
email-edit = De e-mail bewerken
email-refresh = Voorbeeld vernieuwen
email-send-next = Deze e-mail versturen en verder
email-skip = Verder zonder e-mail
email-will-send = De e-mail { $template } wordt bij de bevestiging verstuurd.
email-skipped = Er wordt geen e-mail verstuurd.
routed-resolver = Behandelaar: { $resolver }, gekozen door toewijzingsregel { $rule }.
next-action = Volgende actie
next-scenario = Het herinneringsscenario laten lopen
next-suggested = De voorgestelde opvolging (elk veld is aan te passen)
next-define = Een actie bepalen
confirm = Bevestigen
cancel = Annuleren

## Actions
action-type = Type
action-name = Naam
action-date = Datum
action-done-on = Afgesloten op
action-state-live = Lopend
action-state-done = Afgesloten
action-type-dispute = Opvolging van geschil
action-type-promise = Betalingsbelofte
action-type-call = Telefoongesprek
action-type-email = E-mail
action-type-letter = Brief
action-type-task = Taak
open-customer = De klant openen
open-action = Openen
modify = Wijzigen
save = Opslaan
detach = Aangevinkte posten uit de actie halen
detached = eruit gehaald
terminate = Afsluiten
terminate-dispute-hint = De posten die nog betwist zijn worden „Geschil opgelost” en gaan terug naar het herinneringsscenario.
terminate-hint = De posten gaan terug naar het herinneringsscenario.
answered = Beantwoord

## Agenda
agenda-due = Te doen
agenda-replies = Antwoorden en opmerkingen
agenda-date = Vervalt tot
agenda-count = { $count ->
    [one] { $count } taak
   *[other] { $count } taken
}
agenda-empty = Er is niets te doen.
record-reminder = Herinnering als gedaan markeren
new = Nieuw
replies-empty = Geen antwoord in de laatste 30 dagen.

## Failures
failure-forbidden-title = Niet toegestaan
failure-forbidden-body = U mag dit niet doen, of het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.
failure-notfound-title = Pagina niet gevonden
failure-notfound-body = Op dit adres staat niets.
failure-method-title = Niet beschikbaar
failure-method-body = Dit adres beantwoordt dit soort verzoek niet.
failure-invalid-title = Controleer wat u hebt ingevuld
failure-invalid-body = Er is niets opgeslagen.
failure-throttled-title = Te veel pogingen
failure-throttled-body = Wacht { $minutes } minuten voordat u het opnieuw probeert.
failure-toolarge-title = Te veel tegelijk
failure-toolarge-body = Het formulier is te groot. Selecteer minder posten.
failure-server-title = Er ging iets mis
failure-server-body = Er is niets opgeslagen. Probeer het zo meteen opnieuw.

## History
actor-admin = Beheerder
event-created = aangemaakt
event-updated = bijgewerkt
event-status_changed = status gewijzigd
event-payment = betaling
event-closed = voldaan
event-reopened = heropend
event-action_attached = vastgehouden door een actie
event-action_detached = uit een actie gehaald
event-comment = opmerking
event-outcome = uitkomst voorgesteld
event-attachment = bestand bijgevoegd
event-handover = overgedragen
event-reminder = herinnering verstuurd

## Admin screens
nav-admin = Beheer
admin-title = Beheer
admin-created = Aangemaakt

# Email templates by name, and the preview's text part
email-text-part = Het tekstgedeelte
email-template-name-resolver_dispute = Aan de behandelaar: op te lossen geschil
email-template-name-customer_confirmation = Aan de klant: bevestiging van het geschil

# Outbound webhooks (admin)
field-url = Geef een http- of https-adres dat webhook_origins toestaat.
field-events = Vink minstens één gebeurtenis aan.

# Import (admin)
import-title = Importeren
import-hint = Importeer een export uit uw ERP (SAP, Sage, Dynamics, Odoo of eigen kolommen): zie hoe Settle hem leest en wat hij zou veranderen voordat er iets wordt geschreven.
import-done = Het bestand is geïmporteerd.
import-file = Bestand
import-target = Inhoud
import-target-items = Openstaande posten
import-target-payments = Betalingen
import-target-customers = Klanten
import-profile = Importprofiel
import-own-columns = Eigen kolommen van Settle
import-mode = Verzonden posten
import-mode-delta = Alleen wijzigingen (delta)
import-mode-stock = Alles wat openstaat (momentopname)
import-entity = Entiteit (momentopname)
import-preview = Voorbeeld
import-history = Importgeschiedenis
import-rows = Regels
import-result = Resultaat
import-count-created = aangemaakt
import-count-updated = gewijzigd
import-count-unchanged = ongewijzigd
import-count-closed = afgesloten
import-count-applied = verwerkt
import-count-already_applied = al verwerkt
import-no-history = Nog geen bestand geïmporteerd.
import-reading = Hoe het bestand wordt gelezen
import-detected = gevonden in het bestand
import-delimiter = Scheidingsteken
import-decimal = Decimaalteken
import-date-format = Datumnotatie
import-encoding = Codering
import-skip-rows = Regels overslaan vóór de kop
import-read-again = Opnieuw lezen
import-summary = Wat de import zou doen
import-read-as = Gelezen als { $encoding }, scheidingsteken { $delimiter }
import-rows-read = Gelezen regels: { $count }
import-rows-refused = Geweigerde regels: { $count }
import-would = Resultaat:
import-confirm = { $count } regels importeren
import-fix-first = Verbeter de geweigerde regels in het bestand of het profiel en upload het opnieuw: zolang een regel geweigerd is, wordt niets geïmporteerd.
import-refused = Geweigerde regels
import-line = Regel
import-column = Kolom
import-why = Reden
import-first-rows = De eerste { $count } regels zoals Settle ze leest
import-no-rows = Geen enkele regel kon worden gelezen.
import-mapping = Kolommen
import-mapping-hint = Per veld de kolom van het bestand die het bevat; bewaar de koppeling als profiel om haar opnieuw te gebruiken.
import-no-column = — geen —
import-profile-code = Profielcode
import-save-profile = Opslaan als profiel
field-file = Kies het bestand om te importeren.
field-profile = Kies een profiel dat dit soort gegevens leest.
field-code = Geef een code van kleine letters, cijfers, - of _.
field-escalation-contact = Escalatiecontact
escalation-nobody = Niemand
escalation-hint = Als een geschil van deze behandelaar de streefdatum met de escalatiedagen van zijn status overschrijdt, krijgt deze persoon één keer een link per e-mail en kan antwoorden.
agenda-late = Te late geschillen
agenda-broken = Gebroken beloften
late-count = { $count ->
    [one] 1 geschil te laat
    *[other] { $count } geschillen te laat
}
late-empty = Geen geschil is over de streefdatum.
broken-empty = Geen betalingsbelofte gebroken in de laatste 60 dagen.
col-customer = Klant
col-deadline = Streefdatum
col-days-late = Dagen te laat
escalated = geëscaleerd
promised-on = Beloofd voor { $date }
broken-on = gebroken op { $date }
