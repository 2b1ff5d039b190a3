# Consola Settle: español.

## Frame
nav-label = Secciones
nav-customers = Clientes
nav-agenda = Agenda
nav-disputes = Disputas
nav-reports = Informes
nav-users = Usuarios
sign-out = Cerrar sesión
back-to-console = Volver a la consola

## Sign-in and first admin
sign-in-title = Iniciar sesión
sign-in = Iniciar sesión
sign-in-refused = El email o la contraseña no son correctos, o esta cuenta está inactiva.
sign-in-first-time = ¿Primera vez en esta instalación? Inicie sesión con el email admin y el token de administración para crear la primera cuenta.
first-admin-title = Crear el primer administrador
first-admin-intro = Nadie puede iniciar sesión todavía. Esta cuenta gestionará los usuarios, los estados y el resto de la configuración.
first-admin-create = Crear e iniciar sesión
password-rule = Al menos 12 caracteres, no todos iguales, y distinta de su email.

## Fields
field-email = Email
field-password = Contraseña
field-name = Nombre
field-language = Idioma
field-role = Rol
field-active = Activo
field-comment = Comentario
field-status = Elija un estado activo.
field-status_date = Indique una fecha válida, no futura.
field-resolver_id = Elija un responsable activo.
field-item_ids = Marque partidas abiertas de este cliente.
field-next_action = Revise la acción siguiente: tipo, nombre y fecha son necesarios.
field-template = Elija una plantilla de email.
field-to = El destinatario no tiene dirección de email.
field-version = Alguien ha modificado esta acción mientras tanto: aquí está tal como es ahora. Vuelva a hacer su cambio.
field-type = Esta acción no puede terminarse así.
field-date = Indique una fecha válida.
field-state = Esta acción ya está terminada.
field-form = No se pudo leer el formulario. Recargue la página y envíelo de nuevo.
field-conflict = Esto entra en conflicto con lo que ya está registrado.
new-password = Nueva contraseña
role-collector = Gestor de cobros
role-admin = Administrador
yes = Sí
no = No
add-user = Añadir un usuario
form-not-saved = No se guardó nada. Corrija, por favor:

## Customers
customers-search = Buscar por nombre o identificador
search = Buscar
customers-count = { $count ->
    [one] { $count } línea
   *[other] { $count } líneas
}
customers-none = Ningún cliente coincide.
col-name = Nombre
col-id = Identificador
col-outstanding = Pendiente
col-overdue = Vencido
col-next = Próxima acción
col-collector = Gestor
col-resolver = Responsable
col-dunning = Reclamación
pages-label = Páginas
previous-page = Anterior
next-page = Siguiente
page-of = Página { $n } de { $count }

## Customer sheet
totals-heading = Totales
next-scenario-step = Próximo recordatorio
filter-overdue = Vencimiento
filter-all = Todos
filter-overdue-yes = Solo vencidos
filter-overdue-no = No vencidos
filter-apply = Mostrar
select-item = Seleccionar { $number }
in-scenario = En el escenario
held-by-action = Retenida por una acción
first-page = Volver a las primeras partidas
next-items = Partidas siguientes
col-open-items = Partidas
change-status = Cambiar estado…
live-actions = Acciones en curso
no-live-actions = Ninguna acción en curso.
history-heading = Historial
items-count = { $count ->
    [one] { $count } partida
   *[other] { $count } partidas
}
step-letter = Carta
step-email = Email
step-call = Llamada

## Change status
steps-label = Pasos
step-1 = Estado
step-2 = Email
step-3 = Acción siguiente
choose = Elegir…
next-step = Siguiente
disputed-amounts = Importe en disputa
disputed-amounts-hint = Para un estado de disputa: la parte de cada partida que el cliente discute. Déjelo vacío para todo el importe pendiente.
email-template = Plantilla de email
email-preview = Vista previa
email-to = Para
email-subject = Asunto
email-body = Cuerpo
email-edit = Editar el email
email-refresh = Actualizar la vista previa
email-send-next = Enviar este email y continuar
email-skip = Continuar sin email
email-will-send = El email { $template } se enviará al confirmar.
email-skipped = No se enviará ningún email.
routed-resolver = Responsable: { $resolver }, elegido por la regla de asignación { $rule }.
next-action = Acción siguiente
next-scenario = Dejar que siga el escenario de recordatorios
next-suggested = El seguimiento propuesto (cada campo se puede cambiar)
next-define = Definir una acción
confirm = Confirmar
cancel = Cancelar

## Actions
action-type = Tipo
action-name = Nombre
action-date = Fecha
action-done-on = Terminada el
action-state-live = En curso
action-state-done = Terminada
action-type-dispute = Seguimiento de disputa
action-type-promise = Promesa de pago
action-type-call = Llamada
action-type-email = Email
action-type-letter = Carta
action-type-task = Tarea
open-customer = Abrir el cliente
open-action = Abrir
modify = Modificar
save = Guardar
detach = Quitar de la acción las partidas marcadas
detached = quitada
terminate = Terminar
terminate-dispute-hint = Las partidas aún en disputa pasan a «Disputa resuelta» y vuelven al escenario de recordatorios.
terminate-hint = Las partidas vuelven al escenario de recordatorios.
answered = Respondida

## Agenda
agenda-due = Pendiente
agenda-replies = Respuestas y comentarios
agenda-date = Vence hasta
agenda-count = { $count ->
    [one] { $count } tarea
   *[other] { $count } tareas
}
agenda-empty = No hay nada pendiente.
record-reminder = Marcar el recordatorio como hecho
new = Nuevo
replies-empty = Ninguna respuesta en los últimos 30 días.

## Failures
failure-forbidden-title = No permitido
failure-forbidden-body = No puede hacer esto, o el formulario ha caducado. Recargue la página y vuelva a intentarlo.
failure-notfound-title = Página no encontrada
failure-notfound-body = No hay nada en esta dirección.
failure-method-title = No disponible
failure-method-body = Esta dirección no responde a ese tipo de petición.
failure-invalid-title = Revise lo que ha introducido
failure-invalid-body = No se guardó nada.
failure-throttled-title = Demasiados intentos
failure-throttled-body = Espere { $minutes } minutos antes de volver a intentarlo.
failure-toolarge-title = Demasiado de una vez
failure-toolarge-body = El formulario es demasiado grande. Seleccione menos partidas.
failure-server-title = Algo ha fallado
failure-server-body = No se guardó nada. Vuelva a intentarlo en un momento.

## History
actor-admin = Administrador
event-created = creada
event-updated = actualizada
event-status_changed = estado cambiado
event-payment = pago
event-closed = saldada
event-reopened = reabierta
event-action_attached = retenida por una acción
event-action_detached = quitada de una acción
event-comment = comentario
event-outcome = solución propuesta
event-attachment = archivo adjunto
event-handover = traspasada
event-reminder = recordatorio enviado

## Admin screens
nav-admin = Administración
admin-title = Administración
admin-created = Creado

# Email templates by name, and the preview's text part
email-text-part = La parte de texto
email-template-name-resolver_dispute = Al responsable: incidencia por resolver
email-template-name-customer_confirmation = Al cliente: confirmación de la incidencia

# Outbound webhooks (admin)
field-url = Indique una dirección http o https que permita webhook_origins.
field-events = Marque al menos un evento.

# Import (admin)
import-title = Importar
import-hint = Importe una exportación de su ERP (SAP, Sage, Dynamics, Odoo o sus propias columnas): vea cómo la lee Settle y qué cambiaría antes de escribir nada.
import-done = El archivo se ha importado.
import-file = Archivo
import-target = Contenido
import-target-items = Partidas abiertas
import-target-payments = Pagos
import-target-customers = Clientes
import-profile = Perfil de importación
import-own-columns = Columnas propias de Settle
import-mode = Partidas enviadas
import-mode-delta = Solo cambios (delta)
import-mode-stock = Todo lo abierto (foto del saldo)
import-entity = Sociedad (foto del saldo)
import-preview = Vista previa
import-history = Historial de importaciones
import-rows = Filas
import-result = Resultado
import-count-created = creadas
import-count-updated = modificadas
import-count-unchanged = sin cambios
import-count-closed = cerradas
import-count-applied = aplicados
import-count-already_applied = ya aplicados
import-no-history = Aún no se ha importado ningún archivo.
import-reading = Cómo se lee el archivo
import-detected = detectado en el archivo
import-delimiter = Separador
import-decimal = Separador decimal
import-date-format = Formato de fecha
import-encoding = Codificación
import-skip-rows = Líneas a omitir antes del encabezado
import-read-again = Volver a leer
import-summary = Lo que haría la importación
import-read-as = Leído como { $encoding }, separador { $delimiter }
import-rows-read = Filas leídas: { $count }
import-rows-refused = Filas rechazadas: { $count }
import-would = Resultado previsto:
import-confirm = Importar { $count } filas
import-fix-first = Corrija las líneas rechazadas en el archivo o en el perfil y vuelva a subirlo: no se importa nada mientras haya una línea rechazada.
import-refused = Líneas rechazadas
import-line = Línea
import-column = Columna
import-why = Motivo
import-first-rows = Las { $count } primeras filas tal como las lee Settle
import-no-rows = No se ha podido leer ninguna fila.
import-mapping = Columnas
import-mapping-hint = Para cada campo, la columna del archivo que lo contiene; guarde la correspondencia como perfil para reutilizarla.
import-no-column = — ninguna —
import-profile-code = Código del perfil
import-save-profile = Guardar como perfil
field-file = Elija el archivo que desea importar.
field-profile = Elija un perfil que lea este tipo de datos.
field-code = Indique un código con minúsculas, cifras, - o _.
field-escalation-contact = Contacto de escalado
escalation-nobody = Nadie
escalation-hint = Cuando una disputa de este responsable supera su fecha objetivo en los días de escalado de su estado, esta persona recibe una vez un enlace por correo y puede responder.
agenda-late = Disputas vencidas
agenda-broken = Promesas incumplidas
late-count = { $count ->
    [one] 1 disputa vencida
    *[other] { $count } disputas vencidas
}
late-empty = Ninguna disputa ha superado su fecha objetivo.
broken-empty = Ninguna promesa de pago incumplida en los últimos 60 días.
col-customer = Cliente
col-deadline = Fecha objetivo
col-days-late = Días de retraso
escalated = escalada
promised-on = Prometido para el { $date }
broken-on = incumplida el { $date }
