# Settle konzola: hrvatski.

## Frame
nav-label = Odjeljci
nav-customers = Kupci
nav-agenda = Raspored
nav-disputes = Sporovi
nav-reports = Izvješća
nav-users = Korisnici
sign-out = Odjava
back-to-console = Natrag na konzolu

## Sign-in and first admin
sign-in-title = Prijava
sign-in = Prijava
sign-in-refused = E-pošta ili lozinka nisu ispravni, ili je ovaj račun neaktivan.
sign-in-first-time = Prvi put na ovoj instalaciji? Prijavite se e-poštom admin i administratorskim tokenom kako biste izradili prvi račun.
first-admin-title = Izradite prvog administratora
first-admin-intro = Još se nitko ne može prijaviti. Ovaj će račun upravljati korisnicima, statusima i ostatkom konfiguracije.
first-admin-create = Izradi i prijavi se
password-rule = Najmanje 12 znakova, ne svi isti, i različita od vaše e-pošte.

## Fields
field-email = E-pošta
field-password = Lozinka
field-name = Ime
field-language = Jezik
field-role = Uloga
field-active = Aktivan
field-comment = Komentar
field-status = Odaberite aktivan status.
field-status_date = Unesite valjan datum, ne u budućnosti.
field-resolver_id = Odaberite aktivnog rješavatelja.
field-item_ids = Označite otvorene stavke ovog kupca.
field-next_action = Provjerite sljedeću radnju: potrebni su vrsta, naziv i datum.
field-template = Odaberite predložak e-pošte.
field-to = Primatelj nema adresu e-pošte.
field-version = Netko je u međuvremenu promijenio ovu radnju: evo je kakva je sada. Ponovite svoju promjenu.
field-type = Ova se radnja ne može tako završiti.
field-date = Unesite valjan datum.
field-state = Ova je radnja već završena.
field-form = Obrazac nije moguće pročitati. Ponovno učitajte stranicu i pošaljite ponovno.
field-conflict = Ovo je u sukobu s onim što je već zabilježeno.
new-password = Nova lozinka
role-collector = Naplatni referent
role-admin = Administrator
yes = Da
no = Ne
add-user = Dodaj korisnika
form-not-saved = Ništa nije spremljeno. Ispravite:

## Customers
customers-search = Traži po nazivu ili šifri
search = Traži
customers-count = { $count ->
    [one] { $count } redak
    [few] { $count } retka
   *[other] { $count } redaka
}
customers-none = Nijedan kupac ne odgovara.
col-name = Naziv
col-id = Šifra
col-outstanding = Dugovanje
col-overdue = Dospjelo
col-next = Sljedeća radnja
col-collector = Referent
col-resolver = Rješavatelj
col-dunning = Opomena
pages-label = Stranice
previous-page = Prethodna
next-page = Sljedeća
page-of = Stranica { $n } od { $count }

## Customer sheet
totals-heading = Ukupno
next-scenario-step = Sljedeći podsjetnik
filter-overdue = Dospijeće
filter-all = Sve
filter-overdue-yes = Samo dospjele
filter-overdue-no = Nedospjele
filter-apply = Prikaži
select-item = Odaberi { $number }
in-scenario = U scenariju
held-by-action = Zadržana radnjom
first-page = Natrag na prve stavke
next-items = Sljedeće stavke
col-open-items = Stavke
change-status = Promijeni status…
live-actions = Radnje u tijeku
no-live-actions = Nema radnji u tijeku.
history-heading = Povijest
items-count = { $count ->
    [one] { $count } stavka
    [few] { $count } stavke
   *[other] { $count } stavki
}
step-letter = Pismo
step-email = E-pošta
step-call = Poziv

## Change status
steps-label = Koraci
step-1 = Status
step-2 = E-pošta
step-3 = Sljedeća radnja
choose = Odaberite…
next-step = Dalje
disputed-amounts = Sporni iznos
disputed-amounts-hint = Za status spora: dio svake stavke koji kupac osporava. Ostavite prazno za cijeli otvoreni iznos.
email-template = Predložak e-pošte
email-preview = Pregled
email-to = Za
email-subject = Predmet
email-body = Tekst
email-edit = Uredi e-poštu
email-refresh = Osvježi pregled
email-send-next = Pošalji ovu e-poštu i nastavi
email-skip = Nastavi bez e-pošte
email-will-send = E-pošta { $template } bit će poslana pri potvrdi.
email-skipped = Nikakva e-pošta neće biti poslana.
routed-resolver = Rješavatelj: { $resolver }, odabran pravilom dodjele { $rule }.
next-action = Sljedeća radnja
next-scenario = Neka se scenarij podsjetnika nastavi
next-suggested = Predloženo praćenje (svako se polje može promijeniti)
next-define = Odredi radnju
confirm = Potvrdi
cancel = Odustani

## Actions
action-type = Vrsta
action-name = Naziv
action-date = Datum
action-done-on = Završeno
action-state-live = U tijeku
action-state-done = Završena
action-type-dispute = Praćenje spora
action-type-promise = Obećanje plaćanja
action-type-call = Poziv
action-type-email = E-pošta
action-type-letter = Pismo
action-type-task = Zadatak
open-customer = Otvori kupca
open-action = Otvori
modify = Izmijeni
save = Spremi
detach = Izvadi označene stavke iz radnje
detached = izvađena
terminate = Završi
terminate-dispute-hint = Stavke koje su još sporne postaju „Spor riješen” i vraćaju se u scenarij podsjetnika.
terminate-hint = Stavke se vraćaju u scenarij podsjetnika.
answered = Odgovoreno

## Agenda
agenda-due = Za napraviti
agenda-replies = Odgovori i komentari
agenda-date = Dospijeva do
agenda-count = { $count ->
    [one] { $count } zadatak
    [few] { $count } zadatka
   *[other] { $count } zadataka
}
agenda-empty = Nema ništa za napraviti.
record-reminder = Označi podsjetnik kao obavljen
new = Novo
replies-empty = Nema odgovora u zadnjih 30 dana.

## Failures
failure-forbidden-title = Nije dopušteno
failure-forbidden-body = To ne možete učiniti ili je obrazac istekao. Ponovno učitajte stranicu i pokušajte opet.
failure-notfound-title = Stranica nije pronađena
failure-notfound-body = Na ovoj adresi nema ničega.
failure-method-title = Nije dostupno
failure-method-body = Ova adresa ne odgovara na takav zahtjev.
failure-invalid-title = Provjerite što ste unijeli
failure-invalid-body = Ništa nije spremljeno.
failure-throttled-title = Previše pokušaja
failure-throttled-body = Pričekajte { $minutes } min prije novog pokušaja.
failure-toolarge-title = Previše odjednom
failure-toolarge-body = Obrazac je prevelik. Odaberite manje stavki.
failure-server-title = Nešto je pošlo po zlu
failure-server-body = Ništa nije spremljeno. Pokušajte ponovno za trenutak.

## History
actor-admin = Administrator
event-created = stvoreno
event-updated = ažurirano
event-status_changed = status promijenjen
event-payment = plaćanje
event-closed = podmireno
event-reopened = ponovno otvoreno
event-action_attached = zadržano radnjom
event-action_detached = izvađeno iz radnje
event-comment = komentar
event-outcome = predložen ishod
event-attachment = priložena datoteka
event-handover = predano
event-reminder = poslan podsjetnik

## Admin screens
nav-admin = Administracija
admin-title = Administracija
admin-created = Stvoreno

# Email templates by name, and the preview's text part
email-text-part = Tekstualni dio
email-template-name-resolver_dispute = Rješavatelju: reklamacija za rješavanje
email-template-name-customer_confirmation = Kupcu: potvrda reklamacije

# Outbound webhooks (admin)
field-url = Unesite http ili https adresu koju webhook_origins dopušta.
field-events = Označite barem jedan događaj.

# Import (admin)
import-title = Uvoz
import-hint = Uvezite izvoz iz svog ERP-a (SAP, Sage, Dynamics, Odoo ili vlastiti stupci): pogledajte kako ga Settle čita i što bi promijenio prije nego što se išta zapiše.
import-done = Datoteka je uvezena.
import-file = Datoteka
import-target = Sadržaj
import-target-items = Otvorene stavke
import-target-payments = Plaćanja
import-target-customers = Kupci
import-profile = Profil uvoza
import-own-columns = Settleovi vlastiti stupci
import-mode = Poslane stavke
import-mode-delta = Samo promjene (delta)
import-mode-stock = Sve otvoreno (snimka stanja)
import-entity = Entitet (snimka stanja)
import-preview = Pregled
import-history = Povijest uvoza
import-rows = Retci
import-result = Rezultat
import-count-created = stvoreno
import-count-updated = promijenjeno
import-count-unchanged = nepromijenjeno
import-count-closed = zatvoreno
import-count-applied = primijenjeno
import-count-already_applied = već primijenjeno
import-no-history = Još nije uvezena nijedna datoteka.
import-reading = Kako se datoteka čita
import-detected = pronađeno u datoteci
import-delimiter = Razdjelnik
import-decimal = Decimalni znak
import-date-format = Format datuma
import-encoding = Kodiranje
import-skip-rows = Redaka za preskočiti prije zaglavlja
import-read-again = Pročitaj ponovno
import-summary = Što bi uvoz napravio
import-read-as = Pročitano kao { $encoding }, razdjelnik { $delimiter }
import-rows-read = Pročitani retci: { $count }
import-rows-refused = Odbijeni retci: { $count }
import-would = Rezultat:
import-confirm = Uvezi retke: { $count }
import-fix-first = Ispravite odbijene retke u datoteci ili profilu pa je ponovno učitajte: ništa se ne uvozi dok je neki redak odbijen.
import-refused = Odbijeni retci
import-line = Redak
import-column = Stupac
import-why = Razlog
import-first-rows = Prvi retci ({ $count }) kako ih Settle čita
import-no-rows = Nijedan redak nije se mogao pročitati.
import-mapping = Stupci
import-mapping-hint = Za svako polje stupac datoteke koji ga sadrži; spremite povezivanje kao profil da biste ga ponovno koristili.
import-no-column = — nijedan —
import-profile-code = Šifra profila
import-save-profile = Spremi kao profil
field-file = Odaberite datoteku za uvoz.
field-profile = Odaberite profil koji čita ovu vrstu podataka.
field-code = Unesite šifru od malih slova, znamenki, - ili _.
field-escalation-contact = Kontakt za eskalaciju
escalation-nobody = Nitko
escalation-hint = Kad spor ovog rješavatelja prijeđe ciljani datum za dane eskalacije svog statusa, ta osoba jednom dobiva poveznicu e-poštom i može odgovoriti.
agenda-late = Zakašnjeli sporovi
agenda-broken = Prekršena obećanja
late-count = { $count ->
    [one] { $count } spor kasni
    [few] { $count } spora kasne
    *[other] { $count } sporova kasni
}
late-empty = Nijedan spor nije prešao ciljani datum.
broken-empty = U zadnjih 60 dana nije prekršeno nijedno obećanje plaćanja.
col-customer = Kupac
col-deadline = Ciljani datum
col-days-late = Dana kašnjenja
escalated = eskalirano
promised-on = Obećano za { $date }
broken-on = prekršeno { $date }
