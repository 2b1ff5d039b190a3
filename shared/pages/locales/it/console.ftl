# Console Settle: italiano.

## Frame
nav-label = Sezioni
nav-customers = Clienti
nav-agenda = Agenda
nav-disputes = Contestazioni
nav-reports = Report
nav-users = Utenti
sign-out = Esci
back-to-console = Torna alla console

## Sign-in and first admin
sign-in-title = Accedi
sign-in = Accedi
sign-in-refused = L'email o la password non sono corrette, oppure questo account è inattivo.
sign-in-first-time = Prima volta su questa installazione? Accedi con l'email admin e il token di amministrazione per creare il primo account.
first-admin-title = Crea il primo amministratore
first-admin-intro = Nessuno può ancora accedere. Questo account gestirà gli utenti, gli stati e il resto della configurazione.
first-admin-create = Crea e accedi
password-rule = Almeno 12 caratteri, non tutti uguali, e diversa dalla tua email.

## Fields
field-email = Email
field-password = Password
field-name = Nome
field-language = Lingua
field-role = Ruolo
field-active = Attivo
field-comment = Commento
field-status = Scegli uno stato attivo.
field-status_date = Indica una data valida, non futura.
field-resolver_id = Scegli un risolutore attivo.
field-item_ids = Seleziona partite aperte di questo cliente.
field-next_action = Controlla l'azione successiva: tipo, nome e data sono necessari.
field-template = Scegli un modello di email.
field-to = Il destinatario non ha un indirizzo email.
field-version = Qualcuno ha modificato questa azione nel frattempo: eccola com'è ora. Rifai la tua modifica.
field-type = Questa azione non può essere chiusa così.
field-date = Indica una data valida.
field-state = Questa azione è già chiusa.
field-form = Impossibile leggere il modulo. Ricarica la pagina e invia di nuovo.
field-conflict = Questo è in conflitto con quanto già registrato.
new-password = Nuova password
role-collector = Addetto al recupero crediti
role-admin = Amministratore
yes = Sì
no = No
add-user = Aggiungi un utente
form-not-saved = Non è stato salvato nulla. Correggi:

## Customers
customers-search = Cerca per nome o codice
search = Cerca
customers-count = { $count ->
    [one] { $count } riga
   *[other] { $count } righe
}
customers-none = Nessun cliente corrisponde.
col-name = Nome
col-id = Codice
col-outstanding = Esposizione
col-overdue = Scaduto
col-next = Prossima azione
col-collector = Addetto
col-resolver = Risolutore
col-dunning = Sollecito
pages-label = Pagine
previous-page = Precedente
next-page = Successiva
page-of = Pagina { $n } di { $count }

## Customer sheet
totals-heading = Totali
next-scenario-step = Prossimo sollecito
filter-overdue = Scadenza
filter-all = Tutti
filter-overdue-yes = Solo scaduti
filter-overdue-no = Non scaduti
filter-apply = Mostra
select-item = Seleziona { $number }
in-scenario = Nello scenario
held-by-action = Trattenuta da un'azione
first-page = Torna alle prime partite
next-items = Partite successive
col-open-items = Partite
change-status = Cambia stato…
live-actions = Azioni in corso
no-live-actions = Nessuna azione in corso.
history-heading = Cronologia
items-count = { $count ->
    [one] { $count } partita
   *[other] { $count } partite
}
step-letter = Lettera
step-email = Email
step-call = Telefonata

## Change status
steps-label = Passaggi
step-1 = Stato
step-2 = Email
step-3 = Azione successiva
choose = Scegli…
next-step = Avanti
disputed-amounts = Importo contestato
disputed-amounts-hint = Per uno stato di contestazione: la parte di ogni partita contestata dal cliente. Lasciare vuoto per l’intero importo residuo.
email-template = Modello di email
email-preview = Anteprima
email-to = A
email-subject = Oggetto
email-body = Testo
email-edit = Modifica l'email
email-refresh = Aggiorna l'anteprima
email-send-next = Invia questa email e continua
email-skip = Continua senza email
email-will-send = L'email { $template } sarà inviata alla conferma.
email-skipped = Non sarà inviata nessuna email.
routed-resolver = Risolutore: { $resolver }, scelto dalla regola di assegnazione { $rule }.
next-action = Azione successiva
next-scenario = Lascia proseguire lo scenario di sollecito
next-suggested = Il seguito proposto (ogni campo è modificabile)
next-define = Definisci un'azione
confirm = Conferma
cancel = Annulla

## Actions
action-type = Tipo
action-name = Nome
action-date = Data
action-done-on = Chiusa il
action-state-live = In corso
action-state-done = Chiusa
action-type-dispute = Seguito della contestazione
action-type-promise = Promessa di pagamento
action-type-call = Telefonata
action-type-email = Email
action-type-letter = Lettera
action-type-task = Attività
open-customer = Apri il cliente
open-action = Apri
modify = Modifica
save = Salva
detach = Togli dall'azione le partite selezionate
detached = tolta
terminate = Chiudi
terminate-dispute-hint = Le partite ancora contestate diventano «Contestazione risolta» e tornano nello scenario di sollecito.
terminate-hint = Le partite tornano nello scenario di sollecito.
answered = Risposto

## Agenda
agenda-due = Da fare
agenda-replies = Risposte e commenti
agenda-date = Scadenza entro
agenda-count = { $count ->
    [one] { $count } cosa da fare
   *[other] { $count } cose da fare
}
agenda-empty = Non c'è niente da fare.
record-reminder = Segna il sollecito come fatto
new = Nuovo
replies-empty = Nessuna risposta negli ultimi 30 giorni.

## Failures
failure-forbidden-title = Non consentito
failure-forbidden-body = Non puoi farlo, oppure il modulo è scaduto. Ricarica la pagina e riprova.
failure-notfound-title = Pagina non trovata
failure-notfound-body = Non c'è niente a questo indirizzo.
failure-method-title = Non disponibile
failure-method-body = Questo indirizzo non risponde a questo tipo di richiesta.
failure-invalid-title = Controlla i dati inseriti
failure-invalid-body = Non è stato salvato nulla.
failure-throttled-title = Troppi tentativi
failure-throttled-body = Attendi { $minutes } minuti prima di riprovare.
failure-toolarge-title = Troppo in una volta
failure-toolarge-body = Il modulo è troppo grande. Seleziona meno partite.
failure-server-title = Qualcosa è andato storto
failure-server-body = Non è stato salvato nulla. Riprova tra un momento.

## History
actor-admin = Amministratore
event-created = creata
event-updated = aggiornata
event-status_changed = stato cambiato
event-payment = pagamento
event-closed = saldata
event-reopened = riaperta
event-action_attached = trattenuta da un'azione
event-action_detached = tolta da un'azione
event-comment = commento
event-outcome = esito proposto
event-attachment = file allegato
event-handover = passata ad altri
event-reminder = sollecito inviato

## Admin screens
nav-admin = Amministrazione
admin-title = Amministrazione
admin-created = Creato

# Email templates by name, and the preview's text part
email-text-part = La parte di testo
email-template-name-resolver_dispute = Al referente: contestazione da risolvere
email-template-name-customer_confirmation = Al cliente: conferma della contestazione

# Outbound webhooks (admin)
field-url = Indicate un indirizzo http o https consentito da webhook_origins.
field-events = Selezionate almeno un evento.

# Import (admin)
import-title = Importa
import-hint = Importate un'esportazione dal vostro ERP (SAP, Sage, Dynamics, Odoo o colonne vostre): vedete come Settle la legge e cosa cambierebbe prima di scrivere qualsiasi cosa.
import-done = Il file è stato importato.
import-file = File
import-target = Contenuto
import-target-items = Partite aperte
import-target-payments = Pagamenti
import-target-customers = Clienti
import-profile = Profilo di importazione
import-own-columns = Colonne proprie di Settle
import-mode = Partite inviate
import-mode-delta = Solo modifiche (delta)
import-mode-stock = Tutto l'aperto (istantanea)
import-entity = Società (istantanea)
import-preview = Anteprima
import-history = Cronologia importazioni
import-rows = Righe
import-result = Risultato
import-count-created = create
import-count-updated = modificate
import-count-unchanged = invariate
import-count-closed = chiuse
import-count-applied = applicati
import-count-already_applied = già applicati
import-no-history = Nessun file importato.
import-reading = Come viene letto il file
import-detected = rilevato nel file
import-delimiter = Separatore
import-decimal = Separatore decimale
import-date-format = Formato data
import-encoding = Codifica
import-skip-rows = Righe da saltare prima dell'intestazione
import-read-again = Rileggi
import-summary = Cosa farebbe l'importazione
import-read-as = Letto come { $encoding }, separatore { $delimiter }
import-rows-read = Righe lette: { $count }
import-rows-refused = Righe rifiutate: { $count }
import-would = Risultato previsto:
import-confirm = Importa { $count } righe
import-fix-first = Correggete le righe rifiutate nel file o nel profilo, poi caricatelo di nuovo: finché una riga è rifiutata non si importa nulla.
import-refused = Righe rifiutate
import-line = Riga
import-column = Colonna
import-why = Motivo
import-first-rows = Le prime { $count } righe come le legge Settle
import-no-rows = Nessuna riga leggibile.
import-mapping = Colonne
import-mapping-hint = Per ogni campo, la colonna del file che lo contiene; salvate la corrispondenza come profilo per riusarla.
import-no-column = — nessuna —
import-profile-code = Codice profilo
import-save-profile = Salva come profilo
field-file = Scegliete il file da importare.
field-profile = Scegliete un profilo che legga questo tipo di dati.
field-code = Indicate un codice di lettere minuscole, cifre, - o _.
field-escalation-contact = Referente di escalation
escalation-nobody = Nessuno
escalation-hint = Quando una contestazione di questo referente supera la data prevista dei giorni di escalation del suo stato, questa persona riceve una volta un link via e-mail e può rispondere.
agenda-late = Contestazioni scadute
agenda-broken = Promesse non mantenute
late-count = { $count ->
    [one] 1 contestazione scaduta
    *[other] { $count } contestazioni scadute
}
late-empty = Nessuna contestazione ha superato la data prevista.
broken-empty = Nessuna promessa di pagamento non mantenuta negli ultimi 60 giorni.
col-customer = Cliente
col-deadline = Data prevista
col-days-late = Giorni di ritardo
escalated = escalation
promised-on = Promesso per il { $date }
broken-on = non mantenuta il { $date }
