# Stranice Settlea: hrvatski.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Jezik
resolver-title = Reklamacija za rješavanje
customer-title = Vaš račun
powered-by = Upravljanje reklamacijama: Settle

## Stranice s pogreškama
error-forbidden-title = Ova poveznica nije valjana
error-forbidden-body = Adresa je možda pogrešno prepisana ili izmijenjena. Otvorite poveznicu točno onako kako ste je primili.
error-gone-title = Ova poveznica više nije aktivna
error-gone-body = Istekla je ili je povučena. Zatražite novu poveznicu od svoje kontakt-osobe u odjelu naplate.
error-throttled-title = Previše pokušaja
error-throttled-body = Pričekajte { $minutes } min prije novog pokušaja.
error-notfound-title = Stranica nije pronađena
error-notfound-body = Na ovoj adresi nema ničega.
error-invalid-title = Provjerite unesene podatke
error-invalid-body = Ništa nije spremljeno. Vratite se na stranicu, ispravite polja u nastavku i pošaljite ponovno.
error-server-title = Nešto nije u redu
error-server-body = Ništa nije spremljeno. Pokušajte ponovno za trenutak.
error-report-title = Ovo izvješće nije moguće prikazati
error-report-body = Jedan filtar nije valjan. Ispravite ga i ponovno prikažite izvješće.
back-to-page = Natrag na stranicu

## Pogreške u poljima
error-comment = Napišite poruku (najviše { $max } znakova, bez kontrolnih znakova).
error-item = Odaberite barem jednu svoju otvorenu stavku.
error-reason = Odaberite razlog s popisa.
error-date = Odaberite valjani datum unutar dopuštenog razdoblja.
error-reference = Poziv na broj predug je ili sadrži kontrolne znakove.
error-file = Priložite PDF, PNG ili JPEG datoteku od najviše 5 MB.
error-outcome = Odaberite jedno od predloženih rješenja.
error-resolver_id = Odaberite drugog aktivnog kolegu.
error-form_token = Obrazac je istekao. Ponovno učitajte stranicu i pošaljite ponovno.
error-form = Obrazac nije moguće pročitati. Ponovno učitajte stranicu i pošaljite ponovno.

## Tablice
col-select = Odabir
col-number = Broj
col-document-date = Datum dokumenta
col-due-date = Dospijeće
col-amount = Iznos
col-open-amount = Otvoreni iznos
col-disputed = Sporno
disputed-part = od toga { $amount } sporno
col-currency = Valuta
col-status = Status
overdue = Dospjelo
days-overdue = { $days ->
    [one] { $days } dan kašnjenja
    [few] { $days } dana kašnjenja
   *[other] { $days } dana kašnjenja
}
total-label = Ukupno
outstanding = Otvoreno
overdue-total = Dospjelo
disputed-total = U reklamaciji
no-open-items = Na ovom računu nema otvorenih stavki.
none = Nema

## Stranica za rješavatelja
resolver-heading = Reklamacija: { $name }
customer-label = Kupac
customer-id = Šifra kupca
entity-label = Društvo
dispute-status = Status
status-date = Datum statusa
collector-comment = Komentar odjela naplate
follow-up = Praćenje
follow-up-date = Datum praćenja
items-concerned = Stavke na koje se odnosi
thread-heading = Poruke
thread-empty = Još nema poruka.
speaker-collector = Odjel naplate
speaker-resolver = Rješavatelj
speaker-customer = Kupac
speaker-system = Sustav
on-items = za { $number }
account-summary = Pregled računa
other-open-items = Ostale otvorene stavke
reply-heading = Odgovor
reply-label = Vaša poruka
reply-send = Pošalji odgovor
outcome-heading = Predložite rješenje
outcome-label = Rješenje
outcome-comment-label = Objašnjenje (neobavezno)
outcome-send = Predloži ovo rješenje
outcome-credit_note = Izdati odobrenje
outcome-not_justified = Neopravdano – kupac mora platiti
outcome-need_info = Potrebno je više informacija
outcome-resolved = Riješeno
attach-heading = Priložite dokumente
attach-label = Datoteke (PDF, PNG ili JPEG, svaka do 5 MB)
attach-send = Priloži
attachments-heading = Dokumenti
no-attachments = Još nema dokumenata.
handover-heading = Predajte kolegi
handover-label = Kolega
handover-comment-label = Napomena za kolegu (neobavezno)
handover-send = Predaj
resolver-note = Odjel naplate zatvara reklamaciju kad je riješena. Vaši odgovori prosljeđuju se njima.
saved = Spremljeno. Odjel naplate je obaviješten.

## Stranica za kupca
customer-heading = Izvod otvorenih stavki: { $name }
statement-heading = Otvorene stavke
download-csv = Preuzmi kao CSV
select-hint = Svaki zadatak u nastavku ima svoj popis stavki: označite one na koje se odnosi.
comment-heading = Pošaljite komentar
comment-label = Vaš komentar
comment-send = Pošalji komentar
dispute-heading = Reklamirajte stavke
dispute-reason = Razlog
dispute-comment = Opišite problem
dispute-attach = Prateći dokumenti (neobavezno)
dispute-send = Reklamiraj odabrane stavke
promise-heading = Obećanje plaćanja
promise-date = Datum plaćanja (unutar { $days } dana)
promise-comment = Komentar (neobavezno)
promise-send = Obećaj plaćanje odabranih stavki
payment-heading = Plaćanje je na putu
payment-date = Datum plaćanja
payment-reference = Poziv na broj (neobavezno)
payment-send = Javi plaćanje
tracker-heading = Vaše reklamacije
tracker-empty = Nemate reklamacija.
tracker-opened = Otvorena
tracker-reason = Razlog
tracker-items = Stavke
tracker-state = Stanje
tracker-state-open = Otvorena
tracker-state-answered = Odgovoreno
tracker-state-resolved = Riješena { $date }
your-messages = Vaše poruke
customer-saved = Hvala. Vaš zahtjev je zabilježen, a odjel naplate je obaviješten.

## Statusi kako ih vidi kupac
status-price_dispute = Reklamirana cijena
status-quality_dispute = Reklamirana kvaliteta
status-delivery_dispute = Reklamirana isporuka
status-administrative_dispute = U provjeri
status-promise_to_pay = Plaćanje obećano
status-payment_in_progress = Plaćanje na putu
status-dispute_resolved = Reklamacija riješena

## Izvješća
percent = { $value }{"\u00A0"}%
report-console = Natrag na konzolu
report-disputes-title = Izvješće o sporovima
report-item-statuses-title = Izvješće o statusima stavki
report-kpis-title = Pokazatelji potraživanja
report-dispute-cases-title = Analiza sporova
report-as-of = Na dan { $date }
report-filters = Filtri
report-filters-hint = Subjekt, referent naplate i kupac biraju stavke koje se broje; status i rješavatelj biraju sporne ili kvalificirane stavke na koje se brojke odnose.
report-field-as-of = Datum
report-field-entity = Subjekt
report-field-collector = Referent naplate
report-field-customer = Šifra kupca
report-field-status = Status
report-field-resolver = Rješavatelj
report-field-from = Rješenja od
report-field-to = Rješenja do
report-field-cei-from = Razdoblje indeksa od
report-field-cei-to = Razdoblje indeksa do
report-field-months = Mjeseci trenda
report-field-language = Jezik
report-any = Svi
report-apply = Prikaži izvješće
report-download = Preuzmi kao CSV
report-summary = Sažetak
report-outstanding = Otvoreno potraživanje
report-items = { $n ->
    [one] { $n } stavka
    [few] { $n } stavke
   *[other] { $n } stavki
}
report-disputed = Sporno potraživanje
report-disputed-items = Sporne stavke
report-rate-amount = Stopa sporova (iznos)
report-rate-count = Stopa sporova (broj)
report-by-status = Po vrsti spora
report-by-any-status = Po statusu
report-by-customer = Po kupcu
report-by-resolver = Po rješavatelju
report-by-entity = Po subjektu
report-by-collector = Po referentu
report-aging = Starost otvorenih sporova
report-age-0-30 = 0–30 dana
report-age-31-60 = 31–60 dana
report-age-61-90 = 61–90 dana
report-age-90-plus = Više od 90 dana
report-trend = Sporno potraživanje na kraju svakog mjeseca
report-resolution = Sporovi riješeni od { $from } do { $to }
report-resolution-by-status = Trajanje rješavanja po vrsti spora
report-resolution-by-resolver = Trajanje rješavanja po rješavatelju
report-resolved = Riješeno
report-average = Prosječno trajanje (dani)
report-median = Medijan (dani)
report-p90 = 90. percentil (dani)
report-name = Naziv
report-amount = Iznos
report-count = Stavke
report-share = Udio
report-date = Datum
report-none-status = Bez statusa
report-none-resolver = Bez rješavatelja
report-none-collector = Bez referenta
report-empty = Nema podataka.
report-overdue = Dospjelo
report-qualified = Kvalificirano
report-qualification-rate = Stopa kvalifikacije
report-qualification-rate-count = Stopa kvalifikacije (broj)
report-kpi-dso-countback = DSO, metoda unatrag (dani)
report-kpi-dso-simple = DSO, jednostavna metoda (dani)
report-kpi-best-dso = Najbolji mogući DSO (dani)
report-kpi-add = Prosječno kašnjenje plaćanja (dani)
report-kpi-disputed-dso = DSO sporova (dani)
report-kpi-cei = Indeks učinkovitosti naplate, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Reklamacija (samo za čitanje)
resolver-readonly-resolved = Ova je reklamacija riješena. Stranica ostaje dostupna za čitanje; odgovori, datoteke i predaje su zatvoreni.
resolver-readonly-handed-over = Predali ste ovu reklamaciju ili je dodijeljena nekom drugom. Stranica ostaje dostupna za čitanje; osoba koja je sada zadužena odgovara putem vlastite poveznice.
error-closed-resolved-title = Ova je reklamacija riješena
error-closed-resolved-body = Ništa nije spremljeno: reklamacija je riješena i njezina je stranica sada samo za čitanje.
error-closed-handed-over-title = Ovu reklamaciju sada vodi netko drugi
error-closed-handed-over-body = Ništa nije spremljeno: reklamacija je predana. Osoba koja je sada zadužena odgovara putem vlastite poveznice.
error-quota = Ove bi datoteke premašile dopušteno: 25 MB po poveznici, 50 MB po reklamaciji. Pošaljite manje ili manjih datoteka ili ih pošaljite e-poštom svojoj kontakt osobi.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Vrsta
kind-invoice = Račun
kind-credit_note = Knjižno odobrenje
kind-payment_on_account = Predujam
kind-other = Ostalo
dispute-amount = Iznos u sporu (neobavezno)
dispute-amount-hint = Samo za dio jednog računa: označite taj račun. Ostavite prazno za osporavanje cijelog otvorenog iznosa.
error-amount = Upišite iznos u sporu za jedan račun odjednom, najviše njegov otvoreni iznos, ili ostavite prazno.
error-amounts = { error-amount }
