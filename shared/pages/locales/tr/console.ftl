# Settle konsolu: Türkçe.

## Frame
nav-label = Bölümler
nav-customers = Müşteriler
nav-agenda = Ajanda
nav-disputes = İtirazlar
nav-reports = Raporlar
nav-users = Kullanıcılar
sign-out = Çıkış yap
back-to-console = Konsola dön

## Sign-in and first admin
sign-in-title = Giriş
sign-in = Giriş yap
sign-in-refused = E-posta veya parola doğru değil ya da bu hesap etkin değil.
sign-in-first-time = Bu kurulumda ilk kez mi? İlk hesabı oluşturmak için admin e-postası ve yönetici anahtarıyla giriş yapın.
first-admin-title = İlk yöneticiyi oluşturun
first-admin-intro = Henüz kimse giriş yapamıyor. Bu hesap kullanıcıları, durumları ve yapılandırmanın geri kalanını yönetecek.
first-admin-create = Oluştur ve giriş yap
password-rule = En az 12 karakter, hepsi aynı olmayan ve e-postanızdan farklı.

## Fields
field-email = E-posta
field-password = Parola
field-name = Ad
field-language = Dil
field-role = Rol
field-active = Etkin
field-comment = Yorum
field-status = Etkin bir durum seçin.
field-status_date = Geçerli, gelecekte olmayan bir tarih girin.
field-resolver_id = Etkin bir çözümleyici seçin.
field-item_ids = Bu müşterinin açık kalemlerini işaretleyin.
field-next_action = Sonraki işlemi kontrol edin: tür, ad ve tarih gereklidir.
field-template = Bir e-posta şablonu seçin.
field-to = Alıcının e-posta adresi yok.
field-version = Bu işlemi bu arada başka biri değiştirdi: işte şimdiki hali. Değişikliğinizi yeniden yapın.
field-type = Bu işlem bu şekilde sonlandırılamaz.
field-date = Geçerli bir tarih girin.
field-state = Bu işlem zaten sonlandırıldı.
field-form = Form okunamadı. Sayfayı yenileyip tekrar gönderin.
field-conflict = Bu, zaten kayıtlı olanla çelişiyor.
new-password = Yeni parola
role-collector = Tahsilat uzmanı
role-admin = Yönetici
yes = Evet
no = Hayır
add-user = Kullanıcı ekle
form-not-saved = Hiçbir şey kaydedilmedi. Lütfen düzeltin:

## Customers
customers-search = Ada veya numaraya göre ara
search = Ara
customers-count = { $count ->
    [one] { $count } satır
   *[other] { $count } satır
}
customers-none = Eşleşen müşteri yok.
col-name = Ad
col-id = Numara
col-outstanding = Bakiye
col-overdue = Vadesi geçmiş
col-next = Sonraki işlem
col-collector = Tahsilat uzmanı
col-resolver = Çözümleyici
col-dunning = Hatırlatma
pages-label = Sayfalar
previous-page = Önceki
next-page = Sonraki
page-of = Sayfa { $n } / { $count }

## Customer sheet
totals-heading = Toplamlar
next-scenario-step = Sonraki hatırlatma
filter-overdue = Vade
filter-all = Tümü
filter-overdue-yes = Yalnızca vadesi geçmiş
filter-overdue-no = Vadesi geçmemiş
filter-apply = Göster
select-item = { $number } seç
in-scenario = Senaryoda
held-by-action = Bir işlemde tutuluyor
first-page = İlk kalemlere dön
next-items = Sonraki kalemler
col-open-items = Kalemler
change-status = Durumu değiştir…
live-actions = Süren işlemler
no-live-actions = Süren işlem yok.
history-heading = Geçmiş
items-count = { $count ->
    [one] { $count } kalem
   *[other] { $count } kalem
}
step-letter = Mektup
step-email = E-posta
step-call = Arama

## Change status
steps-label = Adımlar
step-1 = Durum
step-2 = E-posta
step-3 = Sonraki işlem
choose = Seçin…
next-step = İleri
disputed-amounts = İtirazlı tutar
disputed-amounts-hint = İtiraz durumu için: müşterinin itiraz ettiği kalem tutarı. Kalan tutarın tamamı için boş bırakın.
email-template = E-posta şablonu
email-preview = Önizleme
email-to = Alıcı
email-subject = Konu
email-body = Metin
email-edit = E-postayı düzenle
email-refresh = Önizlemeyi yenile
email-send-next = Bu e-postayı gönder ve devam et
email-skip = E-postasız devam et
email-will-send = { $template } e-postası onayda gönderilecek.
email-skipped = E-posta gönderilmeyecek.
routed-resolver = Çözümleyici: { $resolver }, { $rule } numaralı yönlendirme kuralıyla seçildi.
next-action = Sonraki işlem
next-scenario = Hatırlatma senaryosu devam etsin
next-suggested = Önerilen takip (her alan değiştirilebilir)
next-define = Bir işlem tanımla
confirm = Onayla
cancel = İptal

## Actions
action-type = Tür
action-name = Ad
action-date = Tarih
action-done-on = Sonlandırma tarihi
action-state-live = Sürüyor
action-state-done = Sonlandırıldı
action-type-dispute = İtiraz takibi
action-type-promise = Ödeme sözü
action-type-call = Arama
action-type-email = E-posta
action-type-letter = Mektup
action-type-task = Görev
open-customer = Müşteriyi aç
open-action = Aç
modify = Değiştir
save = Kaydet
detach = İşaretli kalemleri işlemden çıkar
detached = çıkarıldı
terminate = Sonlandır
terminate-dispute-hint = Hâlâ itirazlı olan kalemler "İtiraz çözüldü" olur ve hatırlatma senaryosuna döner.
terminate-hint = Kalemler hatırlatma senaryosuna döner.
answered = Yanıtlandı

## Agenda
agenda-due = Yapılacak
agenda-replies = Yanıtlar ve yorumlar
agenda-date = Vade sonu
agenda-count = { $count ->
    [one] { $count } yapılacak iş
   *[other] { $count } yapılacak iş
}
agenda-empty = Yapılacak bir şey yok.
record-reminder = Hatırlatmayı yapıldı olarak işaretle
new = Yeni
replies-empty = Son 30 günde yanıt yok.

## Failures
failure-forbidden-title = İzin verilmiyor
failure-forbidden-body = Bunu yapamazsınız ya da formun süresi doldu. Sayfayı yenileyip tekrar deneyin.
failure-notfound-title = Sayfa bulunamadı
failure-notfound-body = Bu adreste hiçbir şey yok.
failure-method-title = Kullanılamıyor
failure-method-body = Bu adres bu tür bir isteğe yanıt vermiyor.
failure-invalid-title = Lütfen girdiklerinizi kontrol edin
failure-invalid-body = Hiçbir şey kaydedilmedi.
failure-throttled-title = Çok fazla deneme
failure-throttled-body = Tekrar denemeden önce lütfen { $minutes } dakika bekleyin.
failure-toolarge-title = Bir seferde çok fazla
failure-toolarge-body = Form çok büyük. Daha az kalem seçin.
failure-server-title = Bir şeyler ters gitti
failure-server-body = Hiçbir şey kaydedilmedi. Lütfen birazdan tekrar deneyin.

## History
actor-admin = Yönetici
event-created = oluşturuldu
event-updated = güncellendi
event-status_changed = durum değişti
event-payment = ödeme
event-closed = kapandı
event-reopened = yeniden açıldı
event-action_attached = bir işlemde tutuluyor
event-action_detached = işlemden çıkarıldı
event-comment = yorum
event-outcome = sonuç önerildi
event-attachment = dosya eklendi
event-handover = devredildi
event-reminder = hatırlatma gönderildi

## Admin screens
nav-admin = Yönetim
admin-title = Yönetim
admin-created = Oluşturuldu

# Email templates by name, and the preview's text part
email-text-part = Metin bölümü
email-template-name-resolver_dispute = Çözümleyene: çözülecek itiraz
email-template-name-customer_confirmation = Müşteriye: itiraz onayı

# Outbound webhooks (admin)
field-url = webhook_origins ayarının izin verdiği bir http veya https adresi girin.
field-events = En az bir olay seçin.

# Import (admin)
import-title = İçe aktar
import-hint = ERP'nizden bir dışa aktarımı (SAP, Sage, Dynamics, Odoo veya kendi sütunlarınız) içe aktarın: bir şey yazılmadan önce Settle'ın onu nasıl okuduğunu ve neyi değiştireceğini görün.
import-done = Dosya içe aktarıldı.
import-file = Dosya
import-target = İçerik
import-target-items = Açık kalemler
import-target-payments = Ödemeler
import-target-customers = Müşteriler
import-profile = İçe aktarma profili
import-own-columns = Settle'ın kendi sütunları
import-mode = Gönderilen kalemler
import-mode-delta = Yalnızca değişiklikler (delta)
import-mode-stock = Tüm açık kalemler (anlık görüntü)
import-entity = Şirket (anlık görüntü)
import-preview = Önizle
import-history = İçe aktarma geçmişi
import-rows = Satırlar
import-result = Sonuç
import-count-created = oluşturuldu
import-count-updated = güncellendi
import-count-unchanged = değişmedi
import-count-closed = kapandı
import-count-applied = uygulandı
import-count-already_applied = zaten uygulanmış
import-no-history = Henüz içe aktarılan dosya yok.
import-reading = Dosya nasıl okunuyor
import-detected = dosyadan bulundu
import-delimiter = Ayırıcı
import-decimal = Ondalık işareti
import-date-format = Tarih biçimi
import-encoding = Kodlama
import-skip-rows = Başlıktan önce atlanacak satır
import-read-again = Yeniden oku
import-summary = İçe aktarma ne yapardı
import-read-as = { $encoding } olarak okundu, ayırıcı { $delimiter }
import-rows-read = Okunan satır: { $count }
import-rows-refused = Reddedilen satır: { $count }
import-would = Sonuç:
import-confirm = { $count } satırı içe aktar
import-fix-first = Reddedilen satırları dosyada veya profilde düzeltip yeniden yükleyin: bir satır reddedildiği sürece hiçbir şey içe aktarılmaz.
import-refused = Reddedilen satırlar
import-line = Satır
import-column = Sütun
import-why = Neden
import-first-rows = Settle'ın okuduğu biçimde ilk { $count } satır
import-no-rows = Hiçbir satır okunamadı.
import-mapping = Sütunlar
import-mapping-hint = Her alan için onu içeren dosya sütunu; yeniden kullanmak için eşlemeyi profil olarak kaydedin.
import-no-column = — yok —
import-profile-code = Profil kodu
import-save-profile = Profil olarak kaydet
field-file = İçe aktarılacak dosyayı seçin.
field-profile = Bu tür verileri okuyan bir profil seçin.
field-code = Küçük harf, rakam, - veya _ içeren bir kod girin.
field-escalation-contact = Üst bildirim kişisi
escalation-nobody = Kimse
escalation-hint = Bu çözümleyicinin bir itirazı, durumunun üst bildirim günleri kadar hedef tarihini geçtiğinde bu kişiye bir kez e-postayla bağlantı gönderilir ve yanıt verebilir.
agenda-late = Geciken itirazlar
agenda-broken = Tutulmayan sözler
late-count = { $count ->
    *[other] Hedef tarihi geçmiş { $count } itiraz
}
late-empty = Hedef tarihini geçen itiraz yok.
broken-empty = Son 60 günde tutulmayan ödeme sözü yok.
col-customer = Müşteri
col-deadline = Hedef tarih
col-days-late = Gecikme (gün)
escalated = üst bildirildi
promised-on = { $date } için söz verildi
broken-on = { $date } tarihinde tutulmadı
