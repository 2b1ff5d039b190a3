# Pagine Settle: italiano.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Lingua
resolver-title = Contestazione da risolvere
customer-title = Il suo conto
powered-by = Gestione delle contestazioni con Settle

## Pagine di errore
error-forbidden-title = Questo link non è valido
error-forbidden-body = L'indirizzo potrebbe essere stato ricopiato male o modificato. Apra il link esattamente come lo ha ricevuto.
error-gone-title = Questo link non è più attivo
error-gone-body = È scaduto o è stato ritirato. Chieda un nuovo link al suo referente dell'ufficio crediti.
error-throttled-title = Troppi tentativi
error-throttled-body = Attenda { $minutes } minuti prima di riprovare.
error-notfound-title = Pagina non trovata
error-notfound-body = A questo indirizzo non c'è nulla.
error-invalid-title = Controlli i dati inseriti
error-invalid-body = Non è stato salvato nulla. Torni alla pagina, corregga i campi qui sotto e invii di nuovo.
error-server-title = Si è verificato un problema
error-server-body = Non è stato salvato nulla. Riprovi tra qualche istante.
error-report-title = Questo report non può essere mostrato
error-report-body = Un filtro non è valido. Correggilo e mostra di nuovo il report.
back-to-page = Torna alla pagina

## Errori nei campi
error-comment = Scriva un messaggio (al massimo { $max } caratteri, senza caratteri di controllo).
error-item = Selezioni almeno una delle sue partite aperte.
error-reason = Scelga un motivo dall'elenco.
error-date = Scelga una data valida entro il periodo consentito.
error-reference = Il riferimento è troppo lungo o contiene caratteri di controllo.
error-file = Alleghi un file PDF, PNG o JPEG di al massimo 5 MB.
error-outcome = Scelga uno degli esiti proposti.
error-resolver_id = Scelga un altro collega attivo.
error-form_token = Il modulo è scaduto. Ricarichi la pagina e invii di nuovo.
error-form = Non è stato possibile leggere il modulo. Ricarichi la pagina e invii di nuovo.

## Tabelle
col-select = Seleziona
col-number = Numero
col-document-date = Data documento
col-due-date = Scadenza
col-amount = Importo
col-open-amount = Importo residuo
col-disputed = In contestazione
disputed-part = di cui { $amount } contestati
col-currency = Valuta
col-status = Stato
overdue = Scaduta
days-overdue = { $days ->
    [one] scaduta da { $days } giorno
   *[other] scaduta da { $days } giorni
}
total-label = Totale
outstanding = Esposizione
overdue-total = Scaduto
disputed-total = In contestazione
no-open-items = Su questo conto non ci sono partite aperte.
none = Nessuno

## Pagina del referente
resolver-heading = Contestazione: { $name }
customer-label = Cliente
customer-id = Codice cliente
entity-label = Società
dispute-status = Stato
status-date = Data dello stato
collector-comment = Commento dell'ufficio crediti
follow-up = Sollecito
follow-up-date = Data del sollecito
items-concerned = Partite interessate
thread-heading = Messaggi
thread-empty = Ancora nessun messaggio.
speaker-collector = Ufficio crediti
speaker-resolver = Referente
speaker-customer = Cliente
speaker-system = Sistema
on-items = su { $number }
account-summary = Riepilogo del conto
other-open-items = Altre partite aperte
reply-heading = Rispondi
reply-label = Il suo messaggio
reply-send = Invia la risposta
outcome-heading = Proponi un esito
outcome-label = Esito
outcome-comment-label = Spiegazione (facoltativa)
outcome-send = Proponi questo esito
outcome-credit_note = Nota di credito da emettere
outcome-not_justified = Non fondata: il cliente deve pagare
outcome-need_info = Servono altre informazioni
outcome-resolved = Risolta
attach-heading = Allega documenti
attach-label = File (PDF, PNG o JPEG, al massimo 5 MB ciascuno)
attach-send = Allega
attachments-heading = Documenti
no-attachments = Ancora nessun documento.
handover-heading = Passa a un collega
handover-label = Collega
handover-comment-label = Nota per il collega (facoltativa)
handover-send = Passa
resolver-note = L'ufficio crediti chiude la contestazione quando è risolta. Le sue risposte vengono inoltrate all'ufficio.
saved = Salvato. L'ufficio crediti è stato avvisato.

## Pagina del cliente
customer-heading = Estratto conto: { $name }
statement-heading = Partite aperte
download-csv = Scarica in CSV
select-hint = Ogni operazione qui sotto ha il proprio elenco di partite: spunti quelle interessate.
comment-heading = Invia un commento
comment-label = Il suo commento
comment-send = Invia il commento
dispute-heading = Contesta delle partite
dispute-reason = Motivo
dispute-comment = Descriva il problema
dispute-attach = Documenti a supporto (facoltativi)
dispute-send = Contesta le partite selezionate
promise-heading = Impegno di pagamento
promise-date = Data di pagamento (entro { $days } giorni)
promise-comment = Commento (facoltativo)
promise-send = Impegnarsi a pagare le partite selezionate
payment-heading = Un pagamento è in arrivo
payment-date = Data del pagamento
payment-reference = Riferimento del pagamento (facoltativo)
payment-send = Segnala il pagamento
tracker-heading = Le sue contestazioni
tracker-empty = Non ha contestazioni.
tracker-opened = Aperta il
tracker-reason = Motivo
tracker-items = Partite
tracker-state = Stato
tracker-state-open = Aperta
tracker-state-answered = Con risposta
tracker-state-resolved = Risolta il { $date }
your-messages = I suoi messaggi
customer-saved = Grazie. La sua richiesta è stata registrata e l'ufficio crediti è stato avvisato.

## Stati come li vede il cliente
status-price_dispute = Prezzo contestato
status-quality_dispute = Qualità contestata
status-delivery_dispute = Consegna contestata
status-administrative_dispute = In verifica
status-promise_to_pay = Pagamento promesso
status-payment_in_progress = Pagamento in arrivo
status-dispute_resolved = Contestazione risolta

## Report
percent = { $value }%
report-console = Torna alla console
report-disputes-title = Report delle contestazioni
report-item-statuses-title = Report degli stati delle partite
report-kpis-title = Indicatori dei crediti
report-dispute-cases-title = Analisi delle contestazioni
report-as-of = Al { $date }
report-filters = Filtri
report-filters-hint = Società, addetto e cliente scelgono le partite contate; stato e referente scelgono le partite contestate o qualificate di cui parlano le cifre.
report-field-as-of = Data
report-field-entity = Società
report-field-collector = Addetto al recupero
report-field-customer = Codice cliente
report-field-status = Stato
report-field-resolver = Referente
report-field-from = Risoluzioni dal
report-field-to = Risoluzioni al
report-field-cei-from = Periodo dell’indice dal
report-field-cei-to = Periodo dell’indice al
report-field-months = Mesi di andamento
report-field-language = Lingua
report-any = Tutti
report-apply = Mostra il report
report-download = Scarica in CSV
report-summary = Riepilogo
report-outstanding = Scaduto e a scadere
report-items = { $n ->
    [one] { $n } partita
   *[other] { $n } partite
}
report-disputed = Crediti contestati
report-disputed-items = Partite contestate
report-rate-amount = Tasso di contestazione (importo)
report-rate-count = Tasso di contestazione (numero)
report-by-status = Per tipo di contestazione
report-by-any-status = Per stato
report-by-customer = Per cliente
report-by-resolver = Per referente
report-by-entity = Per società
report-by-collector = Per addetto
report-aging = Anzianità delle contestazioni aperte
report-age-0-30 = 0–30 giorni
report-age-31-60 = 31–60 giorni
report-age-61-90 = 61–90 giorni
report-age-90-plus = Oltre 90 giorni
report-trend = Crediti contestati a ogni fine mese
report-resolution = Contestazioni risolte dal { $from } al { $to }
report-resolution-by-status = Tempo di risoluzione per tipo di contestazione
report-resolution-by-resolver = Tempo di risoluzione per referente
report-resolved = Risolte
report-average = Tempo medio (giorni)
report-median = Tempo mediano (giorni)
report-p90 = 90° percentile (giorni)
report-name = Nome
report-amount = Importo
report-count = Partite
report-share = Quota
report-date = Data
report-none-status = Senza stato
report-none-resolver = Senza referente
report-none-collector = Senza addetto
report-empty = Niente da segnalare.
report-overdue = Scaduto
report-qualified = Qualificato
report-qualification-rate = Tasso di qualificazione
report-qualification-rate-count = Tasso di qualificazione (numero)
report-kpi-dso-countback = DSO, metodo count-back (giorni)
report-kpi-dso-simple = DSO, metodo semplice (giorni)
report-kpi-best-dso = Miglior DSO possibile (giorni)
report-kpi-add = Giorni medi di ritardo
report-kpi-disputed-dso = DSO delle contestazioni (giorni)
report-kpi-cei = Indice di efficacia dell’incasso, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Contestazione (sola lettura)
resolver-readonly-resolved = Questa contestazione è risolta. La pagina resta consultabile; risposte, allegati e passaggi di consegne sono chiusi.
resolver-readonly-handed-over = Ha passato questa contestazione a un collega, oppure è stata riassegnata. La pagina resta consultabile; chi se ne occupa ora risponde dal proprio link.
error-closed-resolved-title = Questa contestazione è risolta
error-closed-resolved-body = Non è stato salvato nulla: la contestazione è risolta e la sua pagina ora è di sola lettura.
error-closed-handed-over-title = Questa contestazione è in altre mani
error-closed-handed-over-body = Non è stato salvato nulla: la contestazione è stata passata a un collega. Chi se ne occupa ora risponde dal proprio link.
error-quota = Questi file supererebbero il limite di caricamento: 25 MB per link, 50 MB per contestazione. Invii meno file o file più piccoli, oppure li mandi via e-mail al suo referente.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Tipo
kind-invoice = Fattura
kind-credit_note = Nota di credito
kind-payment_on_account = Acconto
kind-other = Altro
dispute-amount = Importo contestato (facoltativo)
dispute-amount-hint = Solo per parte di una fattura: selezioni quella fattura. Lasci vuoto per contestare l’intero importo aperto.
error-amount = Indichi un importo contestato per una sola fattura alla volta, al massimo il suo importo aperto, oppure lasci il campo vuoto.
error-amounts = { error-amount }
