# Settle sayfaları: Türkçe.
money = { $symbol }{ $amount }

language-label = Dil
resolver-title = Çözülecek itiraz
customer-title = Hesabınız
powered-by = İtiraz yönetimi: Settle

## Hata sayfaları
error-forbidden-title = Bu bağlantı geçerli değil
error-forbidden-body = Adres yanlış kopyalanmış ya da değiştirilmiş olabilir. Bağlantıyı size geldiği gibi açın.
error-gone-title = Bu bağlantı artık etkin değil
error-gone-body = Süresi dolmuş ya da geri çekilmiş. Tahsilat bölümündeki yetkiliden yeni bir bağlantı isteyin.
error-throttled-title = Çok fazla deneme
error-throttled-body = Yeniden denemeden önce lütfen { $minutes } dakika bekleyin.
error-notfound-title = Sayfa bulunamadı
error-notfound-body = Bu adreste hiçbir şey yok.
error-invalid-title = Lütfen girdiğiniz bilgileri kontrol edin
error-invalid-body = Hiçbir şey kaydedilmedi. Sayfaya dönün, aşağıdaki alanları düzeltin ve yeniden gönderin.
error-server-title = Bir sorun oluştu
error-server-body = Hiçbir şey kaydedilmedi. Lütfen biraz sonra yeniden deneyin.
error-report-title = Bu rapor gösterilemiyor
error-report-body = Bir filtre geçerli değil. Düzeltip raporu yeniden gösterin.
back-to-page = Sayfaya dön

## Alan hataları
error-comment = Lütfen bir mesaj yazın (en fazla { $max } karakter, denetim karakteri olmadan).
error-item = Açık kalemlerinizden en az birini seçin.
error-reason = Listeden bir neden seçin.
error-date = İzin verilen aralıkta geçerli bir tarih seçin.
error-reference = Referans çok uzun ya da denetim karakterleri içeriyor.
error-file = En fazla 5 MB büyüklüğünde bir PDF, PNG ya da JPEG dosyası ekleyin.
error-outcome = Önerilen sonuçlardan birini seçin.
error-resolver_id = Etkin başka bir çalışma arkadaşı seçin.
error-form_token = Formun süresi doldu. Sayfayı yenileyip yeniden gönderin.
error-form = Form okunamadı. Sayfayı yenileyip yeniden gönderin.

## Tablolar
col-select = Seç
col-number = Numara
col-document-date = Belge tarihi
col-due-date = Vade tarihi
col-amount = Tutar
col-open-amount = Kalan tutar
col-disputed = İtirazlı
disputed-part = { $amount } itirazlı
col-currency = Para birimi
col-status = Durum
overdue = Vadesi geçmiş
days-overdue = { $days } gün gecikmiş
total-label = Toplam
outstanding = Bakiye
overdue-total = Vadesi geçmiş
disputed-total = İtirazlı
no-open-items = Bu hesapta açık kalem yok.
none = Yok

## Çözümleyici sayfası
resolver-heading = İtiraz: { $name }
customer-label = Müşteri
customer-id = Müşteri numarası
entity-label = Şirket
dispute-status = Durum
status-date = Durum tarihi
collector-comment = Tahsilat bölümünün yorumu
follow-up = Takip
follow-up-date = Takip tarihi
items-concerned = İlgili kalemler
thread-heading = Mesajlar
thread-empty = Henüz mesaj yok.
speaker-collector = Tahsilat bölümü
speaker-resolver = Çözümleyici
speaker-customer = Müşteri
speaker-system = Sistem
on-items = { $number } hakkında
account-summary = Hesap özeti
other-open-items = Diğer açık kalemler
reply-heading = Yanıtla
reply-label = Mesajınız
reply-send = Yanıtı gönder
outcome-heading = Bir sonuç önerin
outcome-label = Sonuç
outcome-comment-label = Açıklama (isteğe bağlı)
outcome-send = Bu sonucu öner
outcome-credit_note = Alacak dekontu düzenlenecek
outcome-not_justified = Haklı değil; müşteri ödemeli
outcome-need_info = Daha fazla bilgi gerekiyor
outcome-resolved = Çözüldü
attach-heading = Belge ekleyin
attach-label = Dosyalar (PDF, PNG ya da JPEG, her biri en fazla 5 MB)
attach-send = Ekle
attachments-heading = Belgeler
no-attachments = Henüz belge yok.
handover-heading = Bir çalışma arkadaşına devredin
handover-label = Çalışma arkadaşı
handover-comment-label = Çalışma arkadaşınıza not (isteğe bağlı)
handover-send = Devret
resolver-note = İtiraz çözüldüğünde tahsilat bölümü kapatır. Yanıtlarınız onlara iletilir.
saved = Kaydedildi. Tahsilat bölümüne bilgi verildi.

## Müşteri sayfası
customer-heading = Hesap ekstresi: { $name }
statement-heading = Açık kalemler
download-csv = CSV olarak indir
select-hint = Aşağıdaki her işlemin kendi kalem listesi var: ilgili kalemleri işaretleyin.
comment-heading = Yorum gönderin
comment-label = Yorumunuz
comment-send = Yorumu gönder
dispute-heading = Kalemlere itiraz edin
dispute-reason = Neden
dispute-comment = Sorunu açıklayın
dispute-attach = Destekleyici belgeler (isteğe bağlı)
dispute-send = Seçilen kalemlere itiraz et
promise-heading = Ödeme sözü
promise-date = Ödeme tarihi ({ $days } gün içinde)
promise-comment = Yorum (isteğe bağlı)
promise-send = Seçilen kalemleri ödeme sözü ver
payment-heading = Ödeme yolda
payment-date = Ödeme tarihi
payment-reference = Ödeme referansı (isteğe bağlı)
payment-send = Ödemeyi bildir
tracker-heading = İtirazlarınız
tracker-empty = İtirazınız yok.
tracker-opened = Açılış tarihi
tracker-reason = Neden
tracker-items = Kalemler
tracker-state = Durum
tracker-state-open = Açık
tracker-state-answered = Yanıtlandı
tracker-state-resolved = { $date } tarihinde çözüldü
your-messages = Mesajlarınız
customer-saved = Teşekkürler. Talebiniz kaydedildi ve tahsilat bölümüne bilgi verildi.

## Müşterinin gördüğü durumlar
status-price_dispute = Fiyata itiraz edildi
status-quality_dispute = Kaliteye itiraz edildi
status-delivery_dispute = Teslimata itiraz edildi
status-administrative_dispute = İnceleniyor
status-promise_to_pay = Ödeme sözü verildi
status-payment_in_progress = Ödeme yolda
status-dispute_resolved = İtiraz çözüldü

## Raporlar
percent = %{ $value }
report-console = Konsola dön
report-disputes-title = İtiraz raporu
report-item-statuses-title = Kalem durumları raporu
report-kpis-title = Alacak göstergeleri
report-dispute-cases-title = İtiraz analizi
report-as-of = { $date } itibarıyla
report-filters = Filtreler
report-filters-hint = Şirket, tahsilat sorumlusu ve müşteri sayılan kalemleri seçer; durum ve çözümleyici, rakamların ilgili olduğu itirazlı veya nitelendirilmiş kalemleri seçer.
report-field-as-of = Tarih
report-field-entity = Şirket
report-field-collector = Tahsilat sorumlusu
report-field-customer = Müşteri kodu
report-field-status = Durum
report-field-resolver = Çözümleyici
report-field-from = Çözümler başlangıcı
report-field-to = Çözümler bitişi
report-field-cei-from = Endeks dönemi başlangıcı
report-field-cei-to = Endeks dönemi bitişi
report-field-months = Eğilim ayları
report-field-language = Dil
report-any = Tümü
report-apply = Raporu göster
report-download = CSV olarak indir
report-summary = Özet
report-outstanding = Açık alacak
report-items = { $n ->
    [one] { $n } kalem
   *[other] { $n } kalem
}
report-disputed = İtirazlı alacak
report-disputed-items = İtirazlı kalemler
report-rate-amount = İtiraz oranı (tutar)
report-rate-count = İtiraz oranı (adet)
report-by-status = İtiraz türüne göre
report-by-any-status = Duruma göre
report-by-customer = Müşteriye göre
report-by-resolver = Çözümleyiciye göre
report-by-entity = Şirkete göre
report-by-collector = Tahsilat sorumlusuna göre
report-aging = Açık itirazların yaşı
report-age-0-30 = 0–30 gün
report-age-31-60 = 31–60 gün
report-age-61-90 = 61–90 gün
report-age-90-plus = 90 günden fazla
report-trend = Her ay sonunda itirazlı alacak
report-resolution = { $from } – { $to } arasında çözülen itirazlar
report-resolution-by-status = İtiraz türüne göre çözüm süresi
report-resolution-by-resolver = Çözümleyiciye göre çözüm süresi
report-resolved = Çözülen
report-average = Ortalama süre (gün)
report-median = Medyan süre (gün)
report-p90 = 90. yüzdelik (gün)
report-name = Ad
report-amount = Tutar
report-count = Kalem
report-share = Pay
report-date = Tarih
report-none-status = Durumsuz
report-none-resolver = Çözümleyicisiz
report-none-collector = Sorumlusuz
report-empty = Bildirilecek bir şey yok.
report-overdue = Vadesi geçmiş
report-qualified = Nitelendirilmiş
report-qualification-rate = Nitelendirme oranı
report-qualification-rate-count = Nitelendirme oranı (adet)
report-kpi-dso-countback = DSO, geriye sayım yöntemi (gün)
report-kpi-dso-simple = DSO, basit yöntem (gün)
report-kpi-best-dso = Mümkün olan en iyi DSO (gün)
report-kpi-add = Ortalama gecikme (gün)
report-kpi-disputed-dso = İtirazlı DSO (gün)
report-kpi-cei = Tahsilat etkinlik endeksi, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = İtiraz (salt okunur)
resolver-readonly-resolved = Bu itiraz çözüldü. Sayfa okunabilir kalır; yanıtlar, dosyalar ve devirler kapalıdır.
resolver-readonly-handed-over = Bu itirazı devrettiniz ya da başka birine atandı. Sayfa okunabilir kalır; şimdi sorumlu olan kişi kendi bağlantısından yanıt verir.
error-closed-resolved-title = Bu itiraz çözüldü
error-closed-resolved-body = Hiçbir şey kaydedilmedi: itiraz çözüldü ve sayfası artık salt okunur.
error-closed-handed-over-title = Bu itiraz artık başka birinde
error-closed-handed-over-body = Hiçbir şey kaydedilmedi: itiraz devredildi. Şimdi sorumlu olan kişi kendi bağlantısından yanıt verir.
error-quota = Bu dosyalar yükleme sınırını aşar: bağlantı başına 25 MB, itiraz başına 50 MB. Daha az ya da daha küçük dosya gönderin veya dosyaları ilgili kişinize e-postayla iletin.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Tür
kind-invoice = Fatura
kind-credit_note = Alacak dekontu
kind-payment_on_account = Mahsuben ödeme
kind-other = Diğer
dispute-amount = İtiraz edilen tutar (isteğe bağlı)
dispute-amount-hint = Yalnızca tek bir faturanın bir kısmı için: o faturayı işaretleyin. Açık tutarın tamamına itiraz etmek için boş bırakın.
error-amount = İtiraz edilen tutarı her seferinde tek bir fatura için, en fazla açık tutarı kadar girin veya boş bırakın.
error-amounts = { error-amount }
