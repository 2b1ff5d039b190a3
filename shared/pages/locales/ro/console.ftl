# Consola Settle: română.

## Frame
nav-label = Secțiuni
nav-customers = Clienți
nav-agenda = Agendă
nav-disputes = Litigii
nav-reports = Rapoarte
nav-users = Utilizatori
sign-out = Deconectare
back-to-console = Înapoi la consolă

## Sign-in and first admin
sign-in-title = Autentificare
sign-in = Autentificare
sign-in-refused = Emailul sau parola nu sunt corecte, sau acest cont este inactiv.
sign-in-first-time = Prima dată pe această instalare? Autentificați-vă cu emailul admin și tokenul de administrare pentru a crea primul cont.
first-admin-title = Creați primul administrator
first-admin-intro = Nimeni nu se poate autentifica încă. Acest cont va gestiona utilizatorii, statusurile și restul configurației.
first-admin-create = Creare și autentificare
password-rule = Cel puțin 12 caractere, nu toate la fel, și diferită de emailul dvs.

## Fields
field-email = Email
field-password = Parolă
field-name = Nume
field-language = Limbă
field-role = Rol
field-active = Activ
field-comment = Comentariu
field-status = Alegeți un status activ.
field-status_date = Indicați o dată validă, nu din viitor.
field-resolver_id = Alegeți un responsabil activ.
field-item_ids = Bifați documente deschise ale acestui client.
field-next_action = Verificați acțiunea următoare: tipul, numele și data sunt necesare.
field-template = Alegeți un șablon de email.
field-to = Destinatarul nu are adresă de email.
field-version = Cineva a modificat între timp această acțiune: iat-o așa cum este acum. Refaceți modificarea.
field-type = Această acțiune nu poate fi încheiată astfel.
field-date = Indicați o dată validă.
field-state = Această acțiune este deja încheiată.
field-form = Formularul nu a putut fi citit. Reîncărcați pagina și trimiteți din nou.
field-conflict = Aceasta intră în conflict cu ceea ce este deja înregistrat.
new-password = Parolă nouă
role-collector = Agent de recuperare
role-admin = Administrator
yes = Da
no = Nu
add-user = Adăugați un utilizator
form-not-saved = Nu s-a salvat nimic. Corectați:

## Customers
customers-search = Căutare după nume sau cod
search = Căutare
customers-count = { $count ->
    [one] { $count } rând
    [few] { $count } rânduri
   *[other] { $count } de rânduri
}
customers-none = Niciun client nu corespunde.
col-name = Nume
col-id = Cod
col-outstanding = Sold
col-overdue = Restant
col-next = Acțiunea următoare
col-collector = Agent
col-resolver = Responsabil
col-dunning = Somație
pages-label = Pagini
previous-page = Anterioara
next-page = Următoarea
page-of = Pagina { $n } din { $count }

## Customer sheet
totals-heading = Totaluri
next-scenario-step = Următorul memento
filter-overdue = Scadență
filter-all = Toate
filter-overdue-yes = Doar restante
filter-overdue-no = Nerestante
filter-apply = Afișare
select-item = Selectați { $number }
in-scenario = În scenariu
held-by-action = Reținut de o acțiune
first-page = Înapoi la primele documente
next-items = Documentele următoare
col-open-items = Documente
change-status = Schimbare status…
live-actions = Acțiuni în curs
no-live-actions = Nicio acțiune în curs.
history-heading = Istoric
items-count = { $count ->
    [one] { $count } document
    [few] { $count } documente
   *[other] { $count } de documente
}
step-letter = Scrisoare
step-email = Email
step-call = Apel

## Change status
steps-label = Pași
step-1 = Status
step-2 = Email
step-3 = Acțiunea următoare
choose = Alegeți…
next-step = Înainte
disputed-amounts = Sumă în litigiu
disputed-amounts-hint = Pentru un statut de litigiu: partea din fiecare document contestată de client. Lăsați gol pentru tot restul de plată.
email-template = Șablon de email
email-preview = Previzualizare
email-to = Către
email-subject = Subiect
email-body = Conținut
email-edit = Editați emailul
email-refresh = Reîmprospătați previzualizarea
email-send-next = Trimiteți acest email și continuați
email-skip = Continuați fără email
email-will-send = Emailul { $template } va fi trimis la confirmare.
email-skipped = Nu va fi trimis niciun email.
routed-resolver = Responsabil: { $resolver }, ales de regula de repartizare { $rule }.
next-action = Acțiunea următoare
next-scenario = Lăsați scenariul de mementouri să continue
next-suggested = Urmărirea propusă (orice câmp poate fi schimbat)
next-define = Definiți o acțiune
confirm = Confirmare
cancel = Anulare

## Actions
action-type = Tip
action-name = Nume
action-date = Dată
action-done-on = Încheiată la
action-state-live = În curs
action-state-done = Încheiată
action-type-dispute = Urmărirea litigiului
action-type-promise = Promisiune de plată
action-type-call = Apel
action-type-email = Email
action-type-letter = Scrisoare
action-type-task = Sarcină
open-customer = Deschideți clientul
open-action = Deschidere
modify = Modificare
save = Salvare
detach = Scoateți din acțiune documentele bifate
detached = scos
terminate = Încheiere
terminate-dispute-hint = Documentele încă în litigiu devin „Litigiu rezolvat” și revin în scenariul de mementouri.
terminate-hint = Documentele revin în scenariul de mementouri.
answered = Răspuns primit

## Agenda
agenda-due = De făcut
agenda-replies = Răspunsuri și comentarii
agenda-date = Scadent până la
agenda-count = { $count ->
    [one] { $count } lucru de făcut
    [few] { $count } lucruri de făcut
   *[other] { $count } de lucruri de făcut
}
agenda-empty = Nu este nimic de făcut.
record-reminder = Marcați mementoul ca făcut
new = Nou
replies-empty = Niciun răspuns în ultimele 30 de zile.

## Failures
failure-forbidden-title = Nepermis
failure-forbidden-body = Nu puteți face asta, sau formularul a expirat. Reîncărcați pagina și încercați din nou.
failure-notfound-title = Pagina nu a fost găsită
failure-notfound-body = Nu există nimic la această adresă.
failure-method-title = Indisponibil
failure-method-body = Această adresă nu răspunde la acest tip de cerere.
failure-invalid-title = Verificați ce ați introdus
failure-invalid-body = Nu s-a salvat nimic.
failure-throttled-title = Prea multe încercări
failure-throttled-body = Așteptați { $minutes } minute înainte de a încerca din nou.
failure-toolarge-title = Prea mult deodată
failure-toolarge-body = Formularul este prea mare. Selectați mai puține documente.
failure-server-title = Ceva nu a mers bine
failure-server-body = Nu s-a salvat nimic. Încercați din nou peste câteva momente.

## History
actor-admin = Administrator
event-created = creat
event-updated = actualizat
event-status_changed = status schimbat
event-payment = plată
event-closed = achitat
event-reopened = redeschis
event-action_attached = reținut de o acțiune
event-action_detached = scos dintr-o acțiune
event-comment = comentariu
event-outcome = rezultat propus
event-attachment = fișier atașat
event-handover = predat
event-reminder = memento trimis

## Admin screens
nav-admin = Administrare
admin-title = Administrare
admin-created = Creat

# Email templates by name, and the preview's text part
email-text-part = Partea de text
email-template-name-resolver_dispute = Către responsabil: litigiu de rezolvat
email-template-name-customer_confirmation = Către client: confirmarea litigiului

# Outbound webhooks (admin)
field-url = Indicați o adresă http sau https permisă de webhook_origins.
field-events = Bifați cel puțin un eveniment.

# Import (admin)
import-title = Import
import-hint = Importați un export din ERP (SAP, Sage, Dynamics, Odoo sau coloane proprii): vedeți cum îl citește Settle și ce ar schimba înainte de a scrie ceva.
import-done = Fișierul a fost importat.
import-file = Fișier
import-target = Conținut
import-target-items = Documente deschise
import-target-payments = Plăți
import-target-customers = Clienți
import-profile = Profil de import
import-own-columns = Coloanele proprii Settle
import-mode = Documente trimise
import-mode-delta = Doar modificări (delta)
import-mode-stock = Tot ce e deschis (instantaneu)
import-entity = Entitate (instantaneu)
import-preview = Previzualizare
import-history = Istoricul importurilor
import-rows = Rânduri
import-result = Rezultat
import-count-created = create
import-count-updated = modificate
import-count-unchanged = neschimbate
import-count-closed = închise
import-count-applied = aplicate
import-count-already_applied = deja aplicate
import-no-history = Niciun fișier importat încă.
import-reading = Cum este citit fișierul
import-detected = detectat în fișier
import-delimiter = Separator
import-decimal = Separator zecimal
import-date-format = Format de dată
import-encoding = Codificare
import-skip-rows = Rânduri de sărit înainte de antet
import-read-again = Citiți din nou
import-summary = Ce ar face importul
import-read-as = Citit ca { $encoding }, separator { $delimiter }
import-rows-read = Rânduri citite: { $count }
import-rows-refused = Rânduri refuzate: { $count }
import-would = Rezultat:
import-confirm = Importați rândurile: { $count }
import-fix-first = Corectați rândurile refuzate în fișier sau în profil, apoi încărcați-l din nou: nu se importă nimic cât timp un rând este refuzat.
import-refused = Rânduri refuzate
import-line = Rând
import-column = Coloană
import-why = Motiv
import-first-rows = Primele rânduri ({ $count }) așa cum le citește Settle
import-no-rows = Niciun rând nu a putut fi citit.
import-mapping = Coloane
import-mapping-hint = Pentru fiecare câmp, coloana din fișier care îl conține; salvați corespondența ca profil pentru a o refolosi.
import-no-column = — niciuna —
import-profile-code = Codul profilului
import-save-profile = Salvați ca profil
field-file = Alegeți fișierul de importat.
field-profile = Alegeți un profil care citește acest tip de date.
field-code = Indicați un cod din litere mici, cifre, - sau _.
field-escalation-contact = Contact de escaladare
escalation-nobody = Nimeni
escalation-hint = Când o dispută a acestui responsabil depășește data-țintă cu zilele de escaladare ale statusului, această persoană primește o dată un link pe e-mail și poate răspunde.
agenda-late = Dispute întârziate
agenda-broken = Promisiuni încălcate
late-count = { $count ->
    [one] 1 dispută întârziată
    *[other] { $count } dispute întârziate
}
late-empty = Nicio dispută nu a depășit data-țintă.
broken-empty = Nicio promisiune de plată încălcată în ultimele 60 de zile.
col-customer = Client
col-deadline = Dată-țintă
col-days-late = Zile de întârziere
escalated = escaladată
promised-on = Promis pentru { $date }
broken-on = încălcată pe { $date }
