# Paginile Settle: română.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Limba
resolver-title = Litigiu de rezolvat
customer-title = Contul dumneavoastră
powered-by = Gestionarea litigiilor cu Settle

## Pagini de eroare
error-forbidden-title = Acest link nu este valid
error-forbidden-body = Este posibil ca adresa să fi fost copiată greșit sau modificată. Deschideți linkul exact așa cum l-ați primit.
error-gone-title = Acest link nu mai este activ
error-gone-body = A expirat sau a fost retras. Cereți un link nou persoanei de contact din departamentul de încasări.
error-throttled-title = Prea multe încercări
error-throttled-body = Așteptați { $minutes } minute înainte de a încerca din nou.
error-notfound-title = Pagina nu a fost găsită
error-notfound-body = La această adresă nu există nimic.
error-invalid-title = Verificați datele introduse
error-invalid-body = Nu s-a salvat nimic. Reveniți la pagină, corectați câmpurile de mai jos și trimiteți din nou.
error-server-title = A apărut o problemă
error-server-body = Nu s-a salvat nimic. Încercați din nou peste câteva momente.
error-report-title = Acest raport nu poate fi afișat
error-report-body = Un filtru nu este valid. Corectați-l și afișați din nou raportul.
back-to-page = Înapoi la pagină

## Erori în câmpuri
error-comment = Scrieți un mesaj (cel mult { $max } caractere, fără caractere de control).
error-item = Selectați cel puțin unul dintre documentele dumneavoastră neachitate.
error-reason = Alegeți un motiv din listă.
error-date = Alegeți o dată validă în intervalul permis.
error-reference = Referința este prea lungă sau conține caractere de control.
error-file = Atașați un fișier PDF, PNG sau JPEG de cel mult 5 MB.
error-outcome = Alegeți una dintre soluțiile propuse.
error-resolver_id = Alegeți un alt coleg activ.
error-form_token = Formularul a expirat. Reîncărcați pagina și trimiteți din nou.
error-form = Formularul nu a putut fi citit. Reîncărcați pagina și trimiteți din nou.

## Tabele
col-select = Selectare
col-number = Număr
col-document-date = Data documentului
col-due-date = Scadența
col-amount = Suma
col-open-amount = Rest de plată
col-disputed = În litigiu
disputed-part = din care { $amount } în litigiu
col-currency = Moneda
col-status = Stare
overdue = Restantă
days-overdue = { $days ->
    [one] { $days } zi de întârziere
    [few] { $days } zile de întârziere
   *[other] { $days } de zile de întârziere
}
total-label = Total
outstanding = Sold
overdue-total = Restant
disputed-total = În litigiu
no-open-items = Nu există documente neachitate în acest cont.
none = Niciunul

## Pagina responsabilului
resolver-heading = Litigiu: { $name }
customer-label = Client
customer-id = Cod client
entity-label = Societatea
dispute-status = Stare
status-date = Data stării
collector-comment = Comentariul departamentului de încasări
follow-up = Urmărire
follow-up-date = Data urmăririi
items-concerned = Documente vizate
thread-heading = Mesaje
thread-empty = Încă nu există mesaje.
speaker-collector = Departamentul de încasări
speaker-resolver = Responsabil
speaker-customer = Client
speaker-system = Sistem
on-items = privind { $number }
account-summary = Rezumatul contului
other-open-items = Alte documente neachitate
reply-heading = Răspundeți
reply-label = Mesajul dumneavoastră
reply-send = Trimiteți răspunsul
outcome-heading = Propuneți o soluție
outcome-label = Soluție
outcome-comment-label = Explicație (opțional)
outcome-send = Propuneți această soluție
outcome-credit_note = Factură de stornare de emis
outcome-not_justified = Neîntemeiat – clientul trebuie să plătească
outcome-need_info = Sunt necesare mai multe informații
outcome-resolved = Rezolvat
attach-heading = Atașați documente
attach-label = Fișiere (PDF, PNG sau JPEG, cel mult 5 MB fiecare)
attach-send = Atașați
attachments-heading = Documente
no-attachments = Încă nu există documente.
handover-heading = Predați unui coleg
handover-label = Coleg
handover-comment-label = Notă pentru coleg (opțional)
handover-send = Predați
resolver-note = Departamentul de încasări închide litigiul după ce este rezolvat. Răspunsurile dumneavoastră îi sunt transmise.
saved = Salvat. Departamentul de încasări a fost anunțat.

## Pagina clientului
customer-heading = Extras de cont: { $name }
statement-heading = Documente neachitate
download-csv = Descărcați în format CSV
select-hint = Fiecare acțiune de mai jos are propria listă de documente: bifați-le pe cele vizate.
comment-heading = Trimiteți un comentariu
comment-label = Comentariul dumneavoastră
comment-send = Trimiteți comentariul
dispute-heading = Contestați documente
dispute-reason = Motiv
dispute-comment = Descrieți problema
dispute-attach = Documente justificative (opțional)
dispute-send = Contestați documentele selectate
promise-heading = Angajament de plată
promise-date = Data plății (în cel mult { $days } zile)
promise-comment = Comentariu (opțional)
promise-send = Vă angajați să plătiți documentele selectate
payment-heading = O plată este pe drum
payment-date = Data plății
payment-reference = Referința plății (opțional)
payment-send = Anunțați plata
tracker-heading = Litigiile dumneavoastră
tracker-empty = Nu aveți litigii.
tracker-opened = Deschis la
tracker-reason = Motiv
tracker-items = Documente
tracker-state = Stare
tracker-state-open = Deschis
tracker-state-answered = Cu răspuns
tracker-state-resolved = Rezolvat la { $date }
your-messages = Mesajele dumneavoastră
customer-saved = Vă mulțumim. Cererea dumneavoastră a fost înregistrată, iar departamentul de încasări a fost anunțat.

## Stări așa cum le vede clientul
status-price_dispute = Preț contestat
status-quality_dispute = Calitate contestată
status-delivery_dispute = Livrare contestată
status-administrative_dispute = În verificare
status-promise_to_pay = Plată promisă
status-payment_in_progress = Plată pe drum
status-dispute_resolved = Litigiu rezolvat

## Rapoarte
percent = { $value }{"\u00A0"}%
report-console = Înapoi la consolă
report-disputes-title = Raportul litigiilor
report-item-statuses-title = Raportul stărilor documentelor
report-kpis-title = Indicatorii creanțelor
report-dispute-cases-title = Analiza litigiilor
report-as-of = La { $date }
report-filters = Filtre
report-filters-hint = Entitatea, responsabilul de încasare și clientul aleg documentele numărate; starea și persoana care rezolvă aleg documentele în litigiu sau calificate la care se referă cifrele.
report-field-as-of = Data
report-field-entity = Entitate
report-field-collector = Responsabil de încasare
report-field-customer = Cod client
report-field-status = Stare
report-field-resolver = Persoană care rezolvă
report-field-from = Rezolvări de la
report-field-to = Rezolvări până la
report-field-cei-from = Perioada indicelui de la
report-field-cei-to = Perioada indicelui până la
report-field-months = Luni de tendință
report-field-language = Limbă
report-any = Toate
report-apply = Afișează raportul
report-download = Descarcă în CSV
report-summary = Rezumat
report-outstanding = Sold deschis
report-items = { $n ->
    [one] { $n } document
    [few] { $n } documente
   *[other] { $n } de documente
}
report-disputed = Sold în litigiu
report-disputed-items = Documente în litigiu
report-rate-amount = Rata litigiilor (sumă)
report-rate-count = Rata litigiilor (număr)
report-by-status = După tipul de litigiu
report-by-any-status = După stare
report-by-customer = După client
report-by-resolver = După persoana care rezolvă
report-by-entity = După entitate
report-by-collector = După responsabil
report-aging = Vechimea litigiilor deschise
report-age-0-30 = 0–30 de zile
report-age-31-60 = 31–60 de zile
report-age-61-90 = 61–90 de zile
report-age-90-plus = Peste 90 de zile
report-trend = Sold în litigiu la sfârșitul fiecărei luni
report-resolution = Litigii rezolvate între { $from } și { $to }
report-resolution-by-status = Durata rezolvării după tipul de litigiu
report-resolution-by-resolver = Durata rezolvării după persoana care rezolvă
report-resolved = Rezolvate
report-average = Durata medie (zile)
report-median = Durata mediană (zile)
report-p90 = Percentila 90 (zile)
report-name = Nume
report-amount = Sumă
report-count = Documente
report-share = Pondere
report-date = Data
report-none-status = Fără stare
report-none-resolver = Fără persoană care rezolvă
report-none-collector = Fără responsabil
report-empty = Nimic de raportat.
report-overdue = Restant
report-qualified = Calificat
report-qualification-rate = Rata de calificare
report-qualification-rate-count = Rata de calificare (număr)
report-kpi-dso-countback = DSO, metoda retrospectivă (zile)
report-kpi-dso-simple = DSO, metoda simplă (zile)
report-kpi-best-dso = Cel mai bun DSO posibil (zile)
report-kpi-add = Întârzierea medie la plată (zile)
report-kpi-disputed-dso = DSO al litigiilor (zile)
report-kpi-cei = Indicele de eficiență a încasării, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Litigiu (doar citire)
resolver-readonly-resolved = Acest litigiu este rezolvat. Pagina rămâne disponibilă pentru citire; răspunsurile, fișierele și predările sunt închise.
resolver-readonly-handed-over = Ați predat acest litigiu sau a fost realocat. Pagina rămâne disponibilă pentru citire; persoana care se ocupă acum răspunde din propriul link.
error-closed-resolved-title = Acest litigiu este rezolvat
error-closed-resolved-body = Nu s-a salvat nimic: litigiul este rezolvat, iar pagina lui este acum doar pentru citire.
error-closed-handed-over-title = Acest litigiu este în grija altcuiva
error-closed-handed-over-body = Nu s-a salvat nimic: litigiul a fost predat. Persoana care se ocupă acum răspunde din propriul link.
error-quota = Aceste fișiere ar depăși ce se poate încărca: 25 MB pe link, 50 MB pe litigiu. Trimiteți mai puține fișiere sau mai mici, ori trimiteți-le prin e-mail persoanei de contact.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Tip
kind-invoice = Factură
kind-credit_note = Notă de credit
kind-payment_on_account = Plată în avans
kind-other = Altele
dispute-amount = Suma contestată (opțional)
dispute-amount-hint = Doar pentru o parte dintr-o singură factură: bifați acea factură. Lăsați gol pentru a contesta toată suma deschisă.
error-amount = Indicați o sumă contestată pentru o singură factură odată, cel mult suma deschisă, sau lăsați câmpul gol.
error-amounts = { error-amount }
