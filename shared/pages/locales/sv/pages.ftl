# Settles sidor: svenska.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Språk
resolver-title = Reklamation att lösa
customer-title = Ditt konto
powered-by = Reklamationshantering med Settle

## Felsidor
error-forbidden-title = Den här länken är ogiltig
error-forbidden-body = Adressen kan ha skrivits av fel eller ändrats. Öppna länken exakt som du fick den.
error-gone-title = Den här länken är inte längre aktiv
error-gone-body = Den har gått ut eller dragits tillbaka. Be din kontaktperson på kreditavdelningen om en ny länk.
error-throttled-title = För många försök
error-throttled-body = Vänta { $minutes } minuter innan du försöker igen.
error-notfound-title = Sidan hittades inte
error-notfound-body = Det finns ingenting på den här adressen.
error-invalid-title = Kontrollera det du har fyllt i
error-invalid-body = Inget har sparats. Gå tillbaka till sidan, rätta fälten nedan och skicka igen.
error-server-title = Något gick fel
error-server-body = Inget har sparats. Försök igen om en stund.
error-report-title = Rapporten kan inte visas
error-report-body = Ett filter är ogiltigt. Rätta det och visa rapporten igen.
back-to-page = Tillbaka till sidan

## Fältfel
error-comment = Skriv ett meddelande (högst { $max } tecken, inga styrtecken).
error-item = Välj minst en av dina öppna poster.
error-reason = Välj en orsak i listan.
error-date = Välj ett giltigt datum inom den tillåtna perioden.
error-reference = Referensen är för lång eller innehåller styrtecken.
error-file = Bifoga en PDF-, PNG- eller JPEG-fil på högst 5 MB.
error-outcome = Välj ett av de föreslagna utfallen.
error-resolver_id = Välj en annan aktiv kollega.
error-form_token = Formuläret har gått ut. Ladda om sidan och skicka igen.
error-form = Formuläret kunde inte läsas. Ladda om sidan och skicka igen.

## Tabeller
col-select = Välj
col-number = Nummer
col-document-date = Dokumentdatum
col-due-date = Förfallodag
col-amount = Belopp
col-open-amount = Öppet belopp
col-disputed = Bestridd
disputed-part = varav { $amount } omtvistat
col-currency = Valuta
col-status = Status
overdue = Förfallen
days-overdue = { $days ->
    [one] { $days } dag försenad
   *[other] { $days } dagar försenad
}
total-label = Summa
outstanding = Utestående
overdue-total = Förfallet
disputed-total = Under reklamation
no-open-items = Det finns inga öppna poster på det här kontot.
none = Ingen

## Sidan för handläggaren
resolver-heading = Reklamation: { $name }
customer-label = Kund
customer-id = Kundnummer
entity-label = Bolag
dispute-status = Status
status-date = Statusdatum
collector-comment = Kommentar från kreditavdelningen
follow-up = Uppföljning
follow-up-date = Uppföljningsdatum
items-concerned = Berörda poster
thread-heading = Meddelanden
thread-empty = Inga meddelanden ännu.
speaker-collector = Kreditavdelningen
speaker-resolver = Handläggare
speaker-customer = Kund
speaker-system = System
on-items = om { $number }
account-summary = Kontosammanfattning
other-open-items = Andra öppna poster
reply-heading = Svara
reply-label = Ditt meddelande
reply-send = Skicka svaret
outcome-heading = Föreslå ett utfall
outcome-label = Utfall
outcome-comment-label = Förklaring (valfritt)
outcome-send = Föreslå det här utfallet
outcome-credit_note = Kreditfaktura ska utfärdas
outcome-not_justified = Obefogad – kunden måste betala
outcome-need_info = Mer information behövs
outcome-resolved = Löst
attach-heading = Bifoga dokument
attach-label = Filer (PDF, PNG eller JPEG, högst 5 MB var)
attach-send = Bifoga
attachments-heading = Dokument
no-attachments = Inga dokument ännu.
handover-heading = Lämna över till en kollega
handover-label = Kollega
handover-comment-label = Anteckning till kollegan (valfritt)
handover-send = Lämna över
resolver-note = Kreditavdelningen avslutar reklamationen när den är löst. Dina svar skickas till dem.
saved = Sparat. Kreditavdelningen har underrättats.

## Kundsidan
customer-heading = Kontoutdrag: { $name }
statement-heading = Öppna poster
download-csv = Ladda ned som CSV
select-hint = Varje uppgift nedan har sin egen lista med poster: kryssa för dem den gäller.
comment-heading = Skicka en kommentar
comment-label = Din kommentar
comment-send = Skicka kommentaren
dispute-heading = Reklamera poster
dispute-reason = Orsak
dispute-comment = Beskriv problemet
dispute-attach = Underlag (valfritt)
dispute-send = Reklamera de valda posterna
promise-heading = Betalningslöfte
promise-date = Betalningsdag (inom { $days } dagar)
promise-comment = Kommentar (valfritt)
promise-send = Lova att betala de valda posterna
payment-heading = En betalning är på väg
payment-date = Betalningsdag
payment-reference = Betalningsreferens (valfritt)
payment-send = Meddela betalningen
tracker-heading = Dina reklamationer
tracker-empty = Du har inga reklamationer.
tracker-opened = Öppnad
tracker-reason = Orsak
tracker-items = Poster
tracker-state = Läge
tracker-state-open = Öppen
tracker-state-answered = Besvarad
tracker-state-resolved = Löst { $date }
your-messages = Dina meddelanden
customer-saved = Tack. Din begäran har registrerats och kreditavdelningen har underrättats.

## Statusar som kunden ser dem
status-price_dispute = Pris reklamerat
status-quality_dispute = Kvalitet reklamerad
status-delivery_dispute = Leverans reklamerad
status-administrative_dispute = Under granskning
status-promise_to_pay = Betalning utlovad
status-payment_in_progress = Betalning på väg
status-dispute_resolved = Reklamation löst

## Rapporter
percent = { $value }{"\u00A0"}%
report-console = Tillbaka till konsolen
report-disputes-title = Tvisterapport
report-item-statuses-title = Rapport över posternas status
report-kpis-title = Nyckeltal för kundfordringar
report-dispute-cases-title = Tvistanalys
report-as-of = Per { $date }
report-filters = Filter
report-filters-hint = Bolag, handläggare och kund väljer vilka poster som räknas; status och lösare väljer de omtvistade eller kvalificerade poster som siffrorna gäller.
report-field-as-of = Datum
report-field-entity = Bolag
report-field-collector = Handläggare
report-field-customer = Kundnummer
report-field-status = Status
report-field-resolver = Lösare
report-field-from = Lösningar från
report-field-to = Lösningar till
report-field-cei-from = Indexperiod från
report-field-cei-to = Indexperiod till
report-field-months = Månader i trenden
report-field-language = Språk
report-any = Alla
report-apply = Visa rapporten
report-download = Ladda ner som CSV
report-summary = Sammanfattning
report-outstanding = Utestående
report-items = { $n ->
    [one] { $n } post
   *[other] { $n } poster
}
report-disputed = Utestående i tvist
report-disputed-items = Poster i tvist
report-rate-amount = Tvistandel (belopp)
report-rate-count = Tvistandel (antal)
report-by-status = Per tvisttyp
report-by-any-status = Per status
report-by-customer = Per kund
report-by-resolver = Per lösare
report-by-entity = Per bolag
report-by-collector = Per handläggare
report-aging = Ålder på öppna tvister
report-age-0-30 = 0–30 dagar
report-age-31-60 = 31–60 dagar
report-age-61-90 = 61–90 dagar
report-age-90-plus = Över 90 dagar
report-trend = Utestående i tvist vid varje månadsslut
report-resolution = Tvister lösta { $from } – { $to }
report-resolution-by-status = Lösningstid per tvisttyp
report-resolution-by-resolver = Lösningstid per lösare
report-resolved = Lösta
report-average = Genomsnittlig tid (dagar)
report-median = Median (dagar)
report-p90 = 90:e percentilen (dagar)
report-name = Namn
report-amount = Belopp
report-count = Poster
report-share = Andel
report-date = Datum
report-none-status = Utan status
report-none-resolver = Utan lösare
report-none-collector = Utan handläggare
report-empty = Inget att rapportera.
report-overdue = Förfallet
report-qualified = Kvalificerat
report-qualification-rate = Kvalificeringsgrad
report-qualification-rate-count = Kvalificeringsgrad (antal)
report-kpi-dso-countback = DSO, count-back (dagar)
report-kpi-dso-simple = DSO, enkel (dagar)
report-kpi-best-dso = Bästa möjliga DSO (dagar)
report-kpi-add = Genomsnittlig betalningsförsening (dagar)
report-kpi-disputed-dso = DSO för tvister (dagar)
report-kpi-cei = Indrivningseffektivitetsindex, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Reklamation (endast läsning)
resolver-readonly-resolved = Den här reklamationen är löst. Sidan går fortfarande att läsa; svar, filer och överlämningar är stängda.
resolver-readonly-handed-over = Du har lämnat över reklamationen, eller så har den tilldelats någon annan. Sidan går fortfarande att läsa; den som nu ansvarar svarar via sin egen länk.
error-closed-resolved-title = Den här reklamationen är löst
error-closed-resolved-body = Inget sparades: reklamationen är löst och sidan är nu skrivskyddad.
error-closed-handed-over-title = Någon annan ansvarar nu för reklamationen
error-closed-handed-over-body = Inget sparades: reklamationen har lämnats över. Den som nu ansvarar svarar via sin egen länk.
error-quota = De här filerna skulle överskrida vad som får laddas upp: 25 MB per länk, 50 MB per reklamation. Skicka färre eller mindre filer, eller mejla dem till din kontaktperson.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Typ
kind-invoice = Faktura
kind-credit_note = Kreditnota
kind-payment_on_account = A contobetalning
kind-other = Övrigt
dispute-amount = Omtvistat belopp (valfritt)
dispute-amount-hint = Bara för en del av en faktura: markera den fakturan. Lämna tomt för att bestrida hela det öppna beloppet.
error-amount = Ange ett omtvistat belopp för en faktura i taget, högst dess öppna belopp, eller lämna fältet tomt.
error-amounts = { error-amount }
