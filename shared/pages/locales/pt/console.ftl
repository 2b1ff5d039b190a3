# Consola Settle: português.

## Frame
nav-label = Secções
nav-customers = Clientes
nav-agenda = Agenda
nav-disputes = Litígios
nav-reports = Relatórios
nav-users = Utilizadores
sign-out = Terminar sessão
back-to-console = Voltar à consola

## Sign-in and first admin
sign-in-title = Iniciar sessão
sign-in = Iniciar sessão
sign-in-refused = O email ou a palavra-passe não estão corretos, ou esta conta está inativa.
sign-in-first-time = Primeira vez nesta instalação? Inicie sessão com o email admin e o token de administração para criar a primeira conta.
first-admin-title = Criar o primeiro administrador
first-admin-intro = Ninguém pode ainda iniciar sessão. Esta conta gerirá os utilizadores, os estados e o resto da configuração.
first-admin-create = Criar e iniciar sessão
password-rule = Pelo menos 12 caracteres, não todos iguais, e diferente do seu email.

## Fields
field-email = Email
field-password = Palavra-passe
field-name = Nome
field-language = Idioma
field-role = Função
field-active = Ativo
field-comment = Comentário
field-status = Escolha um estado ativo.
field-status_date = Indique uma data válida, não futura.
field-resolver_id = Escolha um responsável ativo.
field-item_ids = Assinale documentos em aberto deste cliente.
field-next_action = Verifique a ação seguinte: tipo, nome e data são necessários.
field-template = Escolha um modelo de email.
field-to = O destinatário não tem endereço de email.
field-version = Alguém alterou esta ação entretanto: aqui está como está agora. Faça de novo a sua alteração.
field-type = Esta ação não pode ser terminada assim.
field-date = Indique uma data válida.
field-state = Esta ação já está terminada.
field-form = Não foi possível ler o formulário. Recarregue a página e envie de novo.
field-conflict = Isto entra em conflito com o que já está registado.
new-password = Nova palavra-passe
role-collector = Gestor de cobranças
role-admin = Administrador
yes = Sim
no = Não
add-user = Adicionar um utilizador
form-not-saved = Nada foi guardado. Corrija:

## Customers
customers-search = Procurar por nome ou identificador
search = Procurar
customers-count = { $count ->
    [one] { $count } linha
   *[other] { $count } linhas
}
customers-none = Nenhum cliente corresponde.
col-name = Nome
col-id = Identificador
col-outstanding = Em dívida
col-overdue = Vencido
col-next = Próxima ação
col-collector = Gestor
col-resolver = Responsável
col-dunning = Cobrança
pages-label = Páginas
previous-page = Anterior
next-page = Seguinte
page-of = Página { $n } de { $count }

## Customer sheet
totals-heading = Totais
next-scenario-step = Próximo lembrete
filter-overdue = Vencimento
filter-all = Todos
filter-overdue-yes = Só vencidos
filter-overdue-no = Não vencidos
filter-apply = Mostrar
select-item = Selecionar { $number }
in-scenario = No cenário
held-by-action = Retido por uma ação
first-page = Voltar aos primeiros documentos
next-items = Documentos seguintes
col-open-items = Documentos
change-status = Alterar estado…
live-actions = Ações em curso
no-live-actions = Nenhuma ação em curso.
history-heading = Histórico
items-count = { $count ->
    [one] { $count } documento
   *[other] { $count } documentos
}
step-letter = Carta
step-email = Email
step-call = Chamada

## Change status
steps-label = Passos
step-1 = Estado
step-2 = Email
step-3 = Ação seguinte
choose = Escolher…
next-step = Seguinte
disputed-amounts = Montante em litígio
disputed-amounts-hint = Para um estado de litígio: a parte de cada documento que o cliente contesta. Deixe em branco para todo o montante em dívida.
email-template = Modelo de email
email-preview = Pré-visualização
email-to = Para
email-subject = Assunto
email-body = Corpo
email-edit = Editar o email
email-refresh = Atualizar a pré-visualização
email-send-next = Enviar este email e continuar
email-skip = Continuar sem email
email-will-send = O email { $template } será enviado na confirmação.
email-skipped = Nenhum email será enviado.
routed-resolver = Responsável: { $resolver }, escolhido pela regra de encaminhamento { $rule }.
next-action = Ação seguinte
next-scenario = Deixar o cenário de lembretes seguir
next-suggested = O seguimento proposto (todos os campos podem ser alterados)
next-define = Definir uma ação
confirm = Confirmar
cancel = Cancelar

## Actions
action-type = Tipo
action-name = Nome
action-date = Data
action-done-on = Terminada em
action-state-live = Em curso
action-state-done = Terminada
action-type-dispute = Seguimento de litígio
action-type-promise = Promessa de pagamento
action-type-call = Chamada
action-type-email = Email
action-type-letter = Carta
action-type-task = Tarefa
open-customer = Abrir o cliente
open-action = Abrir
modify = Alterar
save = Guardar
detach = Retirar da ação os documentos assinalados
detached = retirado
terminate = Terminar
terminate-dispute-hint = Os documentos ainda em litígio passam a «Litígio resolvido» e voltam ao cenário de lembretes.
terminate-hint = Os documentos voltam ao cenário de lembretes.
answered = Respondida

## Agenda
agenda-due = A fazer
agenda-replies = Respostas e comentários
agenda-date = Vence até
agenda-count = { $count ->
    [one] { $count } coisa a fazer
   *[other] { $count } coisas a fazer
}
agenda-empty = Não há nada a fazer.
record-reminder = Marcar o lembrete como feito
new = Novo
replies-empty = Nenhuma resposta nos últimos 30 dias.

## Failures
failure-forbidden-title = Não permitido
failure-forbidden-body = Não pode fazer isto, ou o formulário expirou. Recarregue a página e tente de novo.
failure-notfound-title = Página não encontrada
failure-notfound-body = Não há nada neste endereço.
failure-method-title = Não disponível
failure-method-body = Este endereço não responde a este tipo de pedido.
failure-invalid-title = Verifique o que introduziu
failure-invalid-body = Nada foi guardado.
failure-throttled-title = Demasiadas tentativas
failure-throttled-body = Aguarde { $minutes } minutos antes de tentar de novo.
failure-toolarge-title = Demasiado de uma vez
failure-toolarge-body = O formulário é demasiado grande. Selecione menos documentos.
failure-server-title = Algo correu mal
failure-server-body = Nada foi guardado. Tente de novo dentro de momentos.

## History
actor-admin = Administrador
event-created = criado
event-updated = atualizado
event-status_changed = estado alterado
event-payment = pagamento
event-closed = liquidado
event-reopened = reaberto
event-action_attached = retido por uma ação
event-action_detached = retirado de uma ação
event-comment = comentário
event-outcome = resultado proposto
event-attachment = ficheiro anexado
event-handover = transferido
event-reminder = lembrete enviado

## Admin screens
nav-admin = Administração
admin-title = Administração
admin-created = Criado

# Email templates by name, and the preview's text part
email-text-part = A parte de texto
email-template-name-resolver_dispute = Ao responsável: litígio a resolver
email-template-name-customer_confirmation = Ao cliente: confirmação do litígio

# Outbound webhooks (admin)
field-url = Indique um endereço http ou https permitido por webhook_origins.
field-events = Assinale pelo menos um evento.

# Import (admin)
import-title = Importar
import-hint = Importe uma exportação do seu ERP (SAP, Sage, Dynamics, Odoo ou colunas próprias): veja como o Settle a lê e o que alteraria antes de escrever o que quer que seja.
import-done = O ficheiro foi importado.
import-file = Ficheiro
import-target = Conteúdo
import-target-items = Documentos em aberto
import-target-payments = Pagamentos
import-target-customers = Clientes
import-profile = Perfil de importação
import-own-columns = Colunas próprias do Settle
import-mode = Documentos enviados
import-mode-delta = Só alterações (delta)
import-mode-stock = Tudo o que está em aberto (fotografia)
import-entity = Entidade (fotografia)
import-preview = Pré-visualizar
import-history = Histórico de importações
import-rows = Linhas
import-result = Resultado
import-count-created = criados
import-count-updated = alterados
import-count-unchanged = sem alteração
import-count-closed = liquidados
import-count-applied = aplicados
import-count-already_applied = já aplicados
import-no-history = Ainda nenhum ficheiro importado.
import-reading = Como o ficheiro é lido
import-detected = detetado no ficheiro
import-delimiter = Separador
import-decimal = Separador decimal
import-date-format = Formato de data
import-encoding = Codificação
import-skip-rows = Linhas a ignorar antes do cabeçalho
import-read-again = Voltar a ler
import-summary = O que a importação faria
import-read-as = Lido como { $encoding }, separador { $delimiter }
import-rows-read = Linhas lidas: { $count }
import-rows-refused = Linhas recusadas: { $count }
import-would = Resultado previsto:
import-confirm = Importar { $count } linhas
import-fix-first = Corrija as linhas recusadas no ficheiro ou no perfil e volte a carregá-lo: nada é importado enquanto houver uma linha recusada.
import-refused = Linhas recusadas
import-line = Linha
import-column = Coluna
import-why = Motivo
import-first-rows = As primeiras { $count } linhas tal como o Settle as lê
import-no-rows = Nenhuma linha pôde ser lida.
import-mapping = Colunas
import-mapping-hint = Para cada campo, a coluna do ficheiro que o contém; guarde a correspondência como perfil para a reutilizar.
import-no-column = — nenhuma —
import-profile-code = Código do perfil
import-save-profile = Guardar como perfil
field-file = Escolha o ficheiro a importar.
field-profile = Escolha um perfil que leia este tipo de dados.
field-code = Indique um código com minúsculas, algarismos, - ou _.
field-escalation-contact = Contacto de escalamento
escalation-nobody = Ninguém
escalation-hint = Quando um litígio deste responsável ultrapassa a data-alvo pelos dias de escalamento do seu estado, esta pessoa recebe uma vez uma ligação por e-mail e pode responder.
agenda-late = Litígios em atraso
agenda-broken = Promessas não cumpridas
late-count = { $count ->
    [one] 1 litígio em atraso
    *[other] { $count } litígios em atraso
}
late-empty = Nenhum litígio ultrapassou a data-alvo.
broken-empty = Nenhuma promessa de pagamento não cumprida nos últimos 60 dias.
col-customer = Cliente
col-deadline = Data-alvo
col-days-late = Dias de atraso
escalated = escalado
promised-on = Prometido para { $date }
broken-on = não cumprida em { $date }
