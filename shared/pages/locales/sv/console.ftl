# Settle-konsolen: svenska.

## Frame
nav-label = Avsnitt
nav-customers = Kunder
nav-agenda = Agenda
nav-disputes = Tvister
nav-reports = Rapporter
nav-users = Användare
sign-out = Logga ut
back-to-console = Tillbaka till konsolen

## Sign-in and first admin
sign-in-title = Logga in
sign-in = Logga in
sign-in-refused = E-postadressen eller lösenordet stämmer inte, eller så är kontot inaktivt.
sign-in-first-time = Första gången på den här installationen? Logga in med e-postadressen admin och administratörstoken för att skapa det första kontot.
first-admin-title = Skapa den första administratören
first-admin-intro = Ingen kan logga in ännu. Det här kontot kommer att hantera användarna, statusarna och resten av konfigurationen.
first-admin-create = Skapa och logga in
password-rule = Minst 12 tecken, inte alla likadana, och inte din e-postadress.

## Fields
field-email = E-post
field-password = Lösenord
field-name = Namn
field-language = Språk
field-role = Roll
field-active = Aktiv
field-comment = Kommentar
field-status = Välj en aktiv status.
field-status_date = Ange ett giltigt datum, inte i framtiden.
field-resolver_id = Välj en aktiv handläggare.
field-item_ids = Markera öppna poster för den här kunden.
field-next_action = Kontrollera nästa åtgärd: typ, namn och datum behövs.
field-template = Välj en e-postmall.
field-to = Mottagaren har ingen e-postadress.
field-version = Någon har ändrat åtgärden under tiden: här är den som den är nu. Gör din ändring igen.
field-type = Den här åtgärden kan inte avslutas så.
field-date = Ange ett giltigt datum.
field-state = Den här åtgärden är redan avslutad.
field-form = Formuläret kunde inte läsas. Ladda om sidan och skicka igen.
field-conflict = Detta strider mot det som redan är registrerat.
new-password = Nytt lösenord
role-collector = Kravhandläggare
role-admin = Administratör
yes = Ja
no = Nej
add-user = Lägg till en användare
form-not-saved = Inget sparades. Rätta till:

## Customers
customers-search = Sök på namn eller nummer
search = Sök
customers-count = { $count ->
    [one] { $count } rad
   *[other] { $count } rader
}
customers-none = Ingen kund matchar.
col-name = Namn
col-id = Nummer
col-outstanding = Utestående
col-overdue = Förfallet
col-next = Nästa åtgärd
col-collector = Handläggare
col-resolver = Lösare
col-dunning = Påminnelse
pages-label = Sidor
previous-page = Föregående
next-page = Nästa
page-of = Sida { $n } av { $count }

## Customer sheet
totals-heading = Summor
next-scenario-step = Nästa påminnelse
filter-overdue = Förfallodag
filter-all = Alla
filter-overdue-yes = Bara förfallna
filter-overdue-no = Inte förfallna
filter-apply = Visa
select-item = Välj { $number }
in-scenario = I scenariot
held-by-action = Hålls av en åtgärd
first-page = Tillbaka till de första posterna
next-items = Nästa poster
col-open-items = Poster
change-status = Ändra status…
live-actions = Pågående åtgärder
no-live-actions = Ingen pågående åtgärd.
history-heading = Historik
items-count = { $count ->
    [one] { $count } post
   *[other] { $count } poster
}
step-letter = Brev
step-email = E-post
step-call = Samtal

## Change status
steps-label = Steg
step-1 = Status
step-2 = E-post
step-3 = Nästa åtgärd
choose = Välj…
next-step = Nästa
disputed-amounts = Omtvistat belopp
disputed-amounts-hint = För en tvistestatus: den del av varje post som kunden bestrider. Lämna tomt för hela det öppna beloppet.
email-template = E-postmall
email-preview = Förhandsgranskning
email-to = Till
email-subject = Ämne
email-body = Text
email-edit = Redigera e-postmeddelandet
email-refresh = Uppdatera förhandsgranskningen
email-send-next = Skicka det här meddelandet och fortsätt
email-skip = Fortsätt utan e-post
email-will-send = Meddelandet { $template } skickas vid bekräftelsen.
email-skipped = Inget e-postmeddelande skickas.
routed-resolver = Lösare: { $resolver }, vald av fördelningsregel { $rule }.
next-action = Nästa åtgärd
next-scenario = Låt påminnelsescenariot fortsätta
next-suggested = Den föreslagna uppföljningen (alla fält kan ändras)
next-define = Bestäm en åtgärd
confirm = Bekräfta
cancel = Avbryt

## Actions
action-type = Typ
action-name = Namn
action-date = Datum
action-done-on = Avslutad den
action-state-live = Pågår
action-state-done = Avslutad
action-type-dispute = Uppföljning av tvist
action-type-promise = Betalningslöfte
action-type-call = Samtal
action-type-email = E-post
action-type-letter = Brev
action-type-task = Uppgift
open-customer = Öppna kunden
open-action = Öppna
modify = Ändra
save = Spara
detach = Ta bort de markerade posterna ur åtgärden
detached = borttagen
terminate = Avsluta
terminate-dispute-hint = Poster som fortfarande är bestridda blir ”Tvist löst” och går tillbaka till påminnelsescenariot.
terminate-hint = Posterna går tillbaka till påminnelsescenariot.
answered = Besvarad

## Agenda
agenda-due = Att göra
agenda-replies = Svar och kommentarer
agenda-date = Förfaller senast
agenda-count = { $count ->
    [one] { $count } sak att göra
   *[other] { $count } saker att göra
}
agenda-empty = Inget att göra.
record-reminder = Markera påminnelsen som gjord
new = Ny
replies-empty = Inget svar de senaste 30 dagarna.

## Failures
failure-forbidden-title = Inte tillåtet
failure-forbidden-body = Du får inte göra detta, eller så har formuläret gått ut. Ladda om sidan och försök igen.
failure-notfound-title = Sidan hittades inte
failure-notfound-body = Det finns inget på den här adressen.
failure-method-title = Inte tillgängligt
failure-method-body = Den här adressen svarar inte på den typen av begäran.
failure-invalid-title = Kontrollera det du angav
failure-invalid-body = Inget sparades.
failure-throttled-title = För många försök
failure-throttled-body = Vänta { $minutes } minuter innan du försöker igen.
failure-toolarge-title = För mycket på en gång
failure-toolarge-body = Formuläret är för stort. Välj färre poster.
failure-server-title = Något gick fel
failure-server-body = Inget sparades. Försök igen om en stund.

## History
actor-admin = Administratör
event-created = skapad
event-updated = uppdaterad
event-status_changed = status ändrad
event-payment = betalning
event-closed = betald
event-reopened = återöppnad
event-action_attached = hålls av en åtgärd
event-action_detached = borttagen ur en åtgärd
event-comment = kommentar
event-outcome = utfall föreslaget
event-attachment = fil bifogad
event-handover = överlämnad
event-reminder = påminnelse skickad

## Admin screens
nav-admin = Administration
admin-title = Administration
admin-created = Skapad

# Email templates by name, and the preview's text part
email-text-part = Textdelen
email-template-name-resolver_dispute = Till handläggaren: reklamation att lösa
email-template-name-customer_confirmation = Till kunden: bekräftelse av reklamationen

# Outbound webhooks (admin)
field-url = Ange en http- eller https-adress som webhook_origins tillåter.
field-events = Markera minst en händelse.

# Import (admin)
import-title = Import
import-hint = Importera en export från ert affärssystem (SAP, Sage, Dynamics, Odoo eller egna kolumner): se hur Settle läser den och vad den skulle ändra innan något skrivs.
import-done = Filen har importerats.
import-file = Fil
import-target = Innehåll
import-target-items = Öppna poster
import-target-payments = Betalningar
import-target-customers = Kunder
import-profile = Importprofil
import-own-columns = Settles egna kolumner
import-mode = Skickade poster
import-mode-delta = Bara ändringar (delta)
import-mode-stock = Allt öppet (ögonblicksbild)
import-entity = Bolag (ögonblicksbild)
import-preview = Förhandsgranska
import-history = Importhistorik
import-rows = Rader
import-result = Resultat
import-count-created = skapade
import-count-updated = ändrade
import-count-unchanged = oförändrade
import-count-closed = stängda
import-count-applied = bokförda
import-count-already_applied = redan bokförda
import-no-history = Ingen fil har importerats ännu.
import-reading = Hur filen läses
import-detected = hittat i filen
import-delimiter = Avgränsare
import-decimal = Decimaltecken
import-date-format = Datumformat
import-encoding = Teckenkodning
import-skip-rows = Rader att hoppa över före rubriken
import-read-again = Läs igen
import-summary = Vad importen skulle göra
import-read-as = Läst som { $encoding }, avgränsare { $delimiter }
import-rows-read = Lästa rader: { $count }
import-rows-refused = Avvisade rader: { $count }
import-would = Resultat:
import-confirm = Importera rader: { $count }
import-fix-first = Rätta de avvisade raderna i filen eller profilen och ladda upp den igen: inget importeras så länge en rad är avvisad.
import-refused = Avvisade rader
import-line = Rad
import-column = Kolumn
import-why = Orsak
import-first-rows = De första raderna ({ $count }) som Settle läser dem
import-no-rows = Ingen rad kunde läsas.
import-mapping = Kolumner
import-mapping-hint = För varje fält filens kolumn som innehåller det; spara kopplingen som en profil för att använda den igen.
import-no-column = — ingen —
import-profile-code = Profilkod
import-save-profile = Spara som profil
field-file = Välj filen som ska importeras.
field-profile = Välj en profil som läser den här sortens data.
field-code = Ange en kod av gemener, siffror, - eller _.
field-escalation-contact = Eskaleringskontakt
escalation-nobody = Ingen
escalation-hint = När en tvist hos den här handläggaren passerat måldatumet med statusens eskaleringsdagar får den här personen en länk via e-post en gång och kan svara.
agenda-late = Försenade tvister
agenda-broken = Brutna löften
late-count = { $count ->
    [one] 1 tvist försenad
    *[other] { $count } tvister försenade
}
late-empty = Ingen tvist har passerat sitt måldatum.
broken-empty = Inget betalningslöfte bröts de senaste 60 dagarna.
col-customer = Kund
col-deadline = Måldatum
col-days-late = Dagar sen
escalated = eskalerad
promised-on = Utlovat till { $date }
broken-on = bröts { $date }
