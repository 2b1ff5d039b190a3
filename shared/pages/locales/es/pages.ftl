# Páginas de Settle: español.
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Idioma
resolver-title = Incidencia por resolver
customer-title = Su cuenta
powered-by = Gestión de incidencias con Settle

## Páginas de error
error-forbidden-title = Este enlace no es válido
error-forbidden-body = Es posible que la dirección se haya copiado mal o se haya modificado. Abra el enlace tal como lo recibió.
error-gone-title = Este enlace ya no está activo
error-gone-body = Ha caducado o ha sido retirado. Pida un nuevo enlace a su contacto del departamento de cobros.
error-throttled-title = Demasiados intentos
error-throttled-body = Espere { $minutes } minutos antes de volver a intentarlo.
error-notfound-title = Página no encontrada
error-notfound-body = No hay nada en esta dirección.
error-invalid-title = Revise los datos introducidos
error-invalid-body = No se ha guardado nada. Vuelva a la página, corrija los campos indicados abajo y envíe de nuevo.
error-server-title = Se ha producido un error
error-server-body = No se ha guardado nada. Inténtelo de nuevo dentro de un momento.
error-report-title = No se puede mostrar este informe
error-report-body = Un filtro no es válido. Corríjalo y vuelva a mostrar el informe.
back-to-page = Volver a la página

## Errores de campo
error-comment = Escriba un mensaje (como máximo { $max } caracteres, sin caracteres de control).
error-item = Seleccione al menos una de sus partidas abiertas.
error-reason = Elija un motivo de la lista.
error-date = Elija una fecha válida dentro del plazo permitido.
error-reference = La referencia es demasiado larga o contiene caracteres de control.
error-file = Adjunte un archivo PDF, PNG o JPEG de 5 MB como máximo.
error-outcome = Elija una de las soluciones propuestas.
error-resolver_id = Elija a otro compañero activo.
error-form_token = El formulario ha caducado. Recargue la página y envíe de nuevo.
error-form = No se ha podido leer el formulario. Recargue la página y envíe de nuevo.

## Tablas
col-select = Seleccionar
col-number = Número
col-document-date = Fecha del documento
col-due-date = Vencimiento
col-amount = Importe
col-open-amount = Importe pendiente
col-disputed = En disputa
disputed-part = { $amount } en disputa
col-currency = Moneda
col-status = Estado
overdue = Vencida
days-overdue = { $days ->
    [one] { $days } día de retraso
   *[other] { $days } días de retraso
}
total-label = Total
outstanding = Saldo pendiente
overdue-total = Vencido
disputed-total = En incidencia
no-open-items = No hay partidas abiertas en esta cuenta.
none = Ninguno

## Página del responsable
resolver-heading = Incidencia: { $name }
customer-label = Cliente
customer-id = N.º de cliente
entity-label = Sociedad
dispute-status = Estado
status-date = Fecha del estado
collector-comment = Comentario del departamento de cobros
follow-up = Seguimiento
follow-up-date = Fecha de seguimiento
items-concerned = Partidas afectadas
thread-heading = Mensajes
thread-empty = Todavía no hay mensajes.
speaker-collector = Departamento de cobros
speaker-resolver = Responsable
speaker-customer = Cliente
speaker-system = Sistema
on-items = sobre { $number }
account-summary = Resumen de la cuenta
other-open-items = Otras partidas abiertas
reply-heading = Responder
reply-label = Su mensaje
reply-send = Enviar la respuesta
outcome-heading = Proponer una solución
outcome-label = Solución
outcome-comment-label = Explicación (opcional)
outcome-send = Proponer esta solución
outcome-credit_note = Emitir un abono
outcome-not_justified = No justificada: el cliente debe pagar
outcome-need_info = Se necesita más información
outcome-resolved = Resuelta
attach-heading = Adjuntar documentos
attach-label = Archivos (PDF, PNG o JPEG, 5 MB como máximo cada uno)
attach-send = Adjuntar
attachments-heading = Documentos
no-attachments = Todavía no hay documentos.
handover-heading = Pasar a un compañero
handover-label = Compañero
handover-comment-label = Nota para su compañero (opcional)
handover-send = Pasar
resolver-note = El departamento de cobros cierra la incidencia cuando está resuelta. Sus respuestas se le envían.
saved = Guardado. Se ha avisado al departamento de cobros.

## Página del cliente
customer-heading = Extracto de cuenta: { $name }
statement-heading = Partidas abiertas
download-csv = Descargar en CSV
select-hint = Cada gestión de abajo tiene su propia lista de partidas: marque las que correspondan.
comment-heading = Enviar un comentario
comment-label = Su comentario
comment-send = Enviar el comentario
dispute-heading = Reclamar partidas
dispute-reason = Motivo
dispute-comment = Explique el problema
dispute-attach = Documentos justificativos (opcional)
dispute-send = Reclamar las partidas seleccionadas
promise-heading = Compromiso de pago
promise-date = Fecha de pago (en un plazo de { $days } días)
promise-comment = Comentario (opcional)
promise-send = Comprometerse a pagar las partidas seleccionadas
payment-heading = Hay un pago en curso
payment-date = Fecha del pago
payment-reference = Referencia del pago (opcional)
payment-send = Informar del pago
tracker-heading = Sus reclamaciones
tracker-empty = No tiene ninguna reclamación.
tracker-opened = Abierta el
tracker-reason = Motivo
tracker-items = Partidas
tracker-state = Estado
tracker-state-open = Abierta
tracker-state-answered = Respondida
tracker-state-resolved = Resuelta el { $date }
your-messages = Sus mensajes
customer-saved = Gracias. Hemos registrado su solicitud y avisado al departamento de cobros.

## Estados tal como los ve el cliente
status-price_dispute = Precio reclamado
status-quality_dispute = Calidad reclamada
status-delivery_dispute = Entrega reclamada
status-administrative_dispute = En revisión
status-promise_to_pay = Pago comprometido
status-payment_in_progress = Pago en curso
status-dispute_resolved = Reclamación resuelta

## Informes
percent = { $value }{"\u00A0"}%
report-console = Volver a la consola
report-disputes-title = Informe de incidencias
report-item-statuses-title = Informe de estados de partidas
report-kpis-title = Indicadores de cuentas por cobrar
report-dispute-cases-title = Análisis de disputas
report-as-of = A { $date }
report-filters = Filtros
report-filters-hint = La entidad, el gestor y el cliente eligen las partidas contadas; el estado y el responsable eligen las partidas en incidencia o calificadas de las que hablan las cifras.
report-field-as-of = Fecha
report-field-entity = Entidad
report-field-collector = Gestor de cobro
report-field-customer = Identificador de cliente
report-field-status = Estado
report-field-resolver = Responsable
report-field-from = Resoluciones desde
report-field-to = Resoluciones hasta
report-field-cei-from = Periodo del índice desde
report-field-cei-to = Periodo del índice hasta
report-field-months = Meses de tendencia
report-field-language = Idioma
report-any = Todos
report-apply = Ver el informe
report-download = Descargar en CSV
report-summary = Resumen
report-outstanding = Saldo pendiente
report-items = { $n ->
    [one] { $n } partida
   *[other] { $n } partidas
}
report-disputed = Saldo en incidencia
report-disputed-items = Partidas en incidencia
report-rate-amount = Tasa de incidencias (importe)
report-rate-count = Tasa de incidencias (número)
report-by-status = Por tipo de incidencia
report-by-any-status = Por estado
report-by-customer = Por cliente
report-by-resolver = Por responsable
report-by-entity = Por entidad
report-by-collector = Por gestor de cobro
report-aging = Antigüedad de las incidencias abiertas
report-age-0-30 = 0–30 días
report-age-31-60 = 31–60 días
report-age-61-90 = 61–90 días
report-age-90-plus = Más de 90 días
report-trend = Saldo en incidencia a cada fin de mes
report-resolution = Incidencias resueltas del { $from } al { $to }
report-resolution-by-status = Plazo de resolución por tipo de incidencia
report-resolution-by-resolver = Plazo de resolución por responsable
report-resolved = Resueltas
report-average = Plazo medio (días)
report-median = Plazo mediano (días)
report-p90 = Percentil 90 (días)
report-name = Nombre
report-amount = Importe
report-count = Partidas
report-share = Proporción
report-date = Fecha
report-none-status = Sin estado
report-none-resolver = Sin responsable
report-none-collector = Sin gestor
report-empty = Nada que informar.
report-overdue = Vencido
report-qualified = Calificado
report-qualification-rate = Tasa de calificación
report-qualification-rate-count = Tasa de calificación (número)
report-kpi-dso-countback = DSO, método de agotamiento (días)
report-kpi-dso-simple = DSO, método simple (días)
report-kpi-best-dso = Mejor DSO posible (días)
report-kpi-add = Días medios de retraso
report-kpi-disputed-dso = DSO de incidencias (días)
report-kpi-cei = Índice de eficacia de cobro, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Incidencia (solo lectura)
resolver-readonly-resolved = Esta incidencia está resuelta. La página sigue disponible para consulta; las respuestas, los archivos y los traspasos están cerrados.
resolver-readonly-handed-over = Usted traspasó esta incidencia, o se reasignó. La página sigue disponible para consulta; la persona ahora a cargo responde desde su propio enlace.
error-closed-resolved-title = Esta incidencia está resuelta
error-closed-resolved-body = No se guardó nada: la incidencia está resuelta y su página es ahora de solo lectura.
error-closed-handed-over-title = Esta incidencia está en otras manos
error-closed-handed-over-body = No se guardó nada: la incidencia se traspasó. La persona ahora a cargo responde desde su propio enlace.
error-quota = Estos archivos superarían lo que se puede subir: 25 MB por enlace, 50 MB por incidencia. Envíe menos archivos o más pequeños, o mándelos por correo a su contacto.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Tipo
kind-invoice = Factura
kind-credit_note = Abono
kind-payment_on_account = Pago a cuenta
kind-other = Otro
dispute-amount = Importe en disputa (opcional)
dispute-amount-hint = Solo para parte de una factura: marque esa factura. Déjelo en blanco para disputar todo el importe pendiente.
error-amount = Indique un importe en disputa para una sola factura a la vez, como máximo su importe pendiente, o déjelo en blanco.
error-amounts = { error-amount }
