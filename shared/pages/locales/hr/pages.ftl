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
