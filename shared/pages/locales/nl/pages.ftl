# Settle-pagina's: Nederlands.
money = { $symbol }{"\u00A0"}{ $amount }

language-label = Taal
resolver-title = Op te lossen geschil
customer-title = Uw rekening
powered-by = Geschillenbeheer met Settle

## Foutpagina's
error-forbidden-title = Deze link is niet geldig
error-forbidden-body = Het adres is misschien verkeerd overgenomen of gewijzigd. Open de link precies zoals u hem hebt ontvangen.
error-gone-title = Deze link is niet meer actief
error-gone-body = Hij is verlopen of ingetrokken. Vraag uw contactpersoon bij de debiteurenadministratie om een nieuwe link.
error-throttled-title = Te veel pogingen
error-throttled-body = Wacht { $minutes } minuten voordat u het opnieuw probeert.
error-notfound-title = Pagina niet gevonden
error-notfound-body = Op dit adres staat niets.
error-invalid-title = Controleer wat u hebt ingevuld
error-invalid-body = Er is niets opgeslagen. Ga terug naar de pagina, verbeter de velden hieronder en verstuur opnieuw.
error-server-title = Er ging iets mis
error-server-body = Er is niets opgeslagen. Probeer het zo meteen opnieuw.
error-report-title = Dit rapport kan niet worden getoond
error-report-body = Een filter is ongeldig. Verbeter het en toon het rapport opnieuw.
back-to-page = Terug naar de pagina

## Veldfouten
error-comment = Schrijf een bericht (hoogstens { $max } tekens, geen besturingstekens).
error-item = Selecteer ten minste een van uw openstaande posten.
error-reason = Kies een reden uit de lijst.
error-date = Kies een geldige datum binnen de toegestane periode.
error-reference = De referentie is te lang of bevat besturingstekens.
error-file = Voeg een PDF-, PNG- of JPEG-bestand van hoogstens 5 MB toe.
error-outcome = Kies een van de voorgestelde uitkomsten.
error-resolver_id = Kies een andere actieve collega.
error-form_token = Het formulier is verlopen. Laad de pagina opnieuw en verstuur opnieuw.
error-form = Het formulier kon niet worden gelezen. Laad de pagina opnieuw en verstuur opnieuw.

## Tabellen
col-select = Selecteren
col-number = Nummer
col-document-date = Documentdatum
col-due-date = Vervaldatum
col-amount = Bedrag
col-open-amount = Openstaand bedrag
col-disputed = Betwist
disputed-part = waarvan { $amount } betwist
col-currency = Valuta
col-status = Status
overdue = Vervallen
days-overdue = { $days ->
    [one] { $days } dag vervallen
   *[other] { $days } dagen vervallen
}
total-label = Totaal
outstanding = Openstaand
overdue-total = Vervallen
disputed-total = In geschil
no-open-items = Er staan geen posten open op deze rekening.
none = Geen

## Pagina voor de behandelaar
resolver-heading = Geschil: { $name }
customer-label = Klant
customer-id = Klantnummer
entity-label = Vennootschap
dispute-status = Status
status-date = Statusdatum
collector-comment = Opmerking van de debiteurenadministratie
follow-up = Opvolging
follow-up-date = Opvolgdatum
items-concerned = Betrokken posten
thread-heading = Berichten
thread-empty = Nog geen berichten.
speaker-collector = Debiteurenadministratie
speaker-resolver = Behandelaar
speaker-customer = Klant
speaker-system = Systeem
on-items = over { $number }
account-summary = Overzicht van de rekening
other-open-items = Andere openstaande posten
reply-heading = Antwoorden
reply-label = Uw bericht
reply-send = Antwoord versturen
outcome-heading = Een uitkomst voorstellen
outcome-label = Uitkomst
outcome-comment-label = Toelichting (optioneel)
outcome-send = Deze uitkomst voorstellen
outcome-credit_note = Creditnota opmaken
outcome-not_justified = Niet terecht: de klant moet betalen
outcome-need_info = Meer informatie nodig
outcome-resolved = Opgelost
attach-heading = Documenten toevoegen
attach-label = Bestanden (PDF, PNG of JPEG, elk hoogstens 5 MB)
attach-send = Toevoegen
attachments-heading = Documenten
no-attachments = Nog geen documenten.
handover-heading = Overdragen aan een collega
handover-label = Collega
handover-comment-label = Notitie voor uw collega (optioneel)
handover-send = Overdragen
resolver-note = De debiteurenadministratie sluit het geschil zodra het is opgelost. Uw antwoorden worden naar hen gestuurd.
saved = Opgeslagen. De debiteurenadministratie is op de hoogte gebracht.

## Klantpagina
customer-heading = Rekeningoverzicht: { $name }
statement-heading = Openstaande posten
download-csv = Downloaden als CSV
select-hint = Elke taak hieronder heeft een eigen lijst met posten: vink de posten aan waar het om gaat.
comment-heading = Een opmerking sturen
comment-label = Uw opmerking
comment-send = Opmerking versturen
dispute-heading = Posten betwisten
dispute-reason = Reden
dispute-comment = Leg het probleem uit
dispute-attach = Bewijsstukken (optioneel)
dispute-send = Geselecteerde posten betwisten
promise-heading = Betalingsbelofte
promise-date = Betaaldatum (binnen { $days } dagen)
promise-comment = Opmerking (optioneel)
promise-send = Betaling van de geselecteerde posten beloven
payment-heading = Er is een betaling onderweg
payment-date = Betaaldatum
payment-reference = Betalingskenmerk (optioneel)
payment-send = Betaling doorgeven
tracker-heading = Uw geschillen
tracker-empty = U hebt geen geschillen.
tracker-opened = Geopend op
tracker-reason = Reden
tracker-items = Posten
tracker-state = Stand
tracker-state-open = Open
tracker-state-answered = Beantwoord
tracker-state-resolved = Opgelost op { $date }
your-messages = Uw berichten
customer-saved = Dank u. Uw verzoek is vastgelegd en de debiteurenadministratie is op de hoogte gebracht.

## Statussen zoals klanten ze zien
status-price_dispute = Prijs betwist
status-quality_dispute = Kwaliteit betwist
status-delivery_dispute = Levering betwist
status-administrative_dispute = In behandeling
status-promise_to_pay = Betaling toegezegd
status-payment_in_progress = Betaling onderweg
status-dispute_resolved = Geschil opgelost

## Rapporten
percent = { $value }%
report-console = Terug naar de console
report-disputes-title = Geschillenrapport
report-item-statuses-title = Rapport van de postenstatussen
report-kpis-title = Kengetallen debiteuren
report-dispute-cases-title = Geschillenanalyse
report-as-of = Per { $date }
report-filters = Filters
report-filters-hint = Entiteit, incassomedewerker en klant bepalen welke posten meetellen; status en behandelaar bepalen over welke betwiste of gekwalificeerde posten de cijfers gaan.
report-field-as-of = Datum
report-field-entity = Entiteit
report-field-collector = Incassomedewerker
report-field-customer = Klantnummer
report-field-status = Status
report-field-resolver = Behandelaar
report-field-from = Oplossingen vanaf
report-field-to = Oplossingen tot en met
report-field-cei-from = Indexperiode vanaf
report-field-cei-to = Indexperiode tot en met
report-field-months = Maanden verloop
report-field-language = Taal
report-any = Alle
report-apply = Rapport tonen
report-download = Downloaden als CSV
report-summary = Overzicht
report-outstanding = Openstaand
report-items = { $n ->
    [one] { $n } post
   *[other] { $n } posten
}
report-disputed = Betwist openstaand
report-disputed-items = Betwiste posten
report-rate-amount = Geschilpercentage (bedrag)
report-rate-count = Geschilpercentage (aantal)
report-by-status = Per soort geschil
report-by-any-status = Per status
report-by-customer = Per klant
report-by-resolver = Per behandelaar
report-by-entity = Per entiteit
report-by-collector = Per incassomedewerker
report-aging = Ouderdom van open geschillen
report-age-0-30 = 0–30 dagen
report-age-31-60 = 31–60 dagen
report-age-61-90 = 61–90 dagen
report-age-90-plus = Meer dan 90 dagen
report-trend = Betwist openstaand aan het einde van elke maand
report-resolution = Geschillen opgelost van { $from } tot { $to }
report-resolution-by-status = Doorlooptijd per soort geschil
report-resolution-by-resolver = Doorlooptijd per behandelaar
report-resolved = Opgelost
report-average = Gemiddelde doorlooptijd (dagen)
report-median = Mediaan (dagen)
report-p90 = 90e percentiel (dagen)
report-name = Naam
report-amount = Bedrag
report-count = Posten
report-share = Aandeel
report-date = Datum
report-none-status = Zonder status
report-none-resolver = Zonder behandelaar
report-none-collector = Zonder incassomedewerker
report-empty = Niets te melden.
report-overdue = Vervallen
report-qualified = Gekwalificeerd
report-qualification-rate = Kwalificatiegraad
report-qualification-rate-count = Kwalificatiegraad (aantal)
report-kpi-dso-countback = DSO, count-back (dagen)
report-kpi-dso-simple = DSO, eenvoudig (dagen)
report-kpi-best-dso = Best mogelijke DSO (dagen)
report-kpi-add = Gemiddelde betalingsachterstand (dagen)
report-kpi-disputed-dso = DSO van geschillen (dagen)
report-kpi-cei = Incasso-effectiviteitsindex, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Geschil (alleen lezen)
resolver-readonly-resolved = Dit geschil is opgelost. De pagina blijft leesbaar; antwoorden, bestanden en overdrachten zijn gesloten.
resolver-readonly-handed-over = U hebt dit geschil overgedragen, of het is opnieuw toegewezen. De pagina blijft leesbaar; wie het nu behandelt, antwoordt via de eigen link.
error-closed-resolved-title = Dit geschil is opgelost
error-closed-resolved-body = Er is niets opgeslagen: het geschil is opgelost en de pagina is nu alleen-lezen.
error-closed-handed-over-title = Dit geschil ligt bij iemand anders
error-closed-handed-over-body = Er is niets opgeslagen: het geschil is overgedragen. Wie het nu behandelt, antwoordt via de eigen link.
error-quota = Deze bestanden gaan over wat geüpload mag worden: 25 MB per link, 50 MB per geschil. Stuur minder of kleinere bestanden, of mail ze naar uw contactpersoon.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Soort
kind-invoice = Factuur
kind-credit_note = Creditnota
kind-payment_on_account = Betaling op rekening
kind-other = Overig
dispute-amount = Betwist bedrag (optioneel)
dispute-amount-hint = Alleen voor een deel van één factuur: vink die factuur aan. Laat leeg om het hele openstaande bedrag te betwisten.
error-amount = Geef een betwist bedrag op voor één factuur tegelijk, hoogstens het openstaande bedrag, of laat het leeg.
error-amounts = { error-amount }
