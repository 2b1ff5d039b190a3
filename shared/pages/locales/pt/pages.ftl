# Páginas do Settle: português (Portugal).
money = { $amount }{"\u00A0"}{ $symbol }

language-label = Idioma
resolver-title = Litígio a resolver
customer-title = A sua conta
powered-by = Gestão de litígios com o Settle

## Páginas de erro
error-forbidden-title = Esta ligação não é válida
error-forbidden-body = O endereço pode ter sido mal copiado ou alterado. Abra a ligação exatamente como a recebeu.
error-gone-title = Esta ligação já não está ativa
error-gone-body = Expirou ou foi retirada. Peça uma nova ligação ao seu contacto no departamento de cobranças.
error-throttled-title = Demasiadas tentativas
error-throttled-body = Aguarde { $minutes } minutos antes de tentar novamente.
error-notfound-title = Página não encontrada
error-notfound-body = Não existe nada neste endereço.
error-invalid-title = Verifique os dados introduzidos
error-invalid-body = Nada foi guardado. Volte à página, corrija os campos abaixo e envie novamente.
error-server-title = Ocorreu um erro
error-server-body = Nada foi guardado. Tente novamente dentro de momentos.
error-report-title = Não é possível mostrar este relatório
error-report-body = Um filtro não é válido. Corrija-o e mostre o relatório novamente.
back-to-page = Voltar à página

## Erros nos campos
error-comment = Escreva uma mensagem (no máximo { $max } caracteres, sem caracteres de controlo).
error-item = Selecione pelo menos um dos seus documentos em aberto.
error-reason = Escolha um motivo da lista.
error-date = Escolha uma data válida dentro do prazo permitido.
error-reference = A referência é demasiado longa ou contém caracteres de controlo.
error-file = Anexe um ficheiro PDF, PNG ou JPEG com 5 MB no máximo.
error-outcome = Escolha uma das soluções propostas.
error-resolver_id = Escolha outro colega ativo.
error-form_token = O formulário expirou. Recarregue a página e envie novamente.
error-form = Não foi possível ler o formulário. Recarregue a página e envie novamente.

## Tabelas
col-select = Selecionar
col-number = Número
col-document-date = Data do documento
col-due-date = Vencimento
col-amount = Montante
col-open-amount = Montante em dívida
col-disputed = Em litígio
disputed-part = dos quais { $amount } em litígio
col-currency = Moeda
col-status = Estado
overdue = Vencido
days-overdue = { $days ->
    [one] { $days } dia em atraso
   *[other] { $days } dias em atraso
}
total-label = Total
outstanding = Em dívida
overdue-total = Vencido
disputed-total = Em litígio
no-open-items = Não há documentos em aberto nesta conta.
none = Nenhum

## Página do responsável
resolver-heading = Litígio: { $name }
customer-label = Cliente
customer-id = N.º de cliente
entity-label = Empresa
dispute-status = Estado
status-date = Data do estado
collector-comment = Comentário do departamento de cobranças
follow-up = Acompanhamento
follow-up-date = Data de acompanhamento
items-concerned = Documentos em causa
thread-heading = Mensagens
thread-empty = Ainda não há mensagens.
speaker-collector = Departamento de cobranças
speaker-resolver = Responsável
speaker-customer = Cliente
speaker-system = Sistema
on-items = sobre { $number }
account-summary = Resumo da conta
other-open-items = Outros documentos em aberto
reply-heading = Responder
reply-label = A sua mensagem
reply-send = Enviar a resposta
outcome-heading = Propor uma solução
outcome-label = Solução
outcome-comment-label = Explicação (opcional)
outcome-send = Propor esta solução
outcome-credit_note = Emitir nota de crédito
outcome-not_justified = Não justificado: o cliente tem de pagar
outcome-need_info = São necessárias mais informações
outcome-resolved = Resolvido
attach-heading = Anexar documentos
attach-label = Ficheiros (PDF, PNG ou JPEG, até 5 MB cada)
attach-send = Anexar
attachments-heading = Documentos
no-attachments = Ainda não há documentos.
handover-heading = Passar a um colega
handover-label = Colega
handover-comment-label = Nota para o colega (opcional)
handover-send = Passar
resolver-note = O departamento de cobranças encerra o litígio quando estiver resolvido. As suas respostas são-lhe enviadas.
saved = Guardado. O departamento de cobranças foi informado.

## Página do cliente
customer-heading = Extrato de conta: { $name }
statement-heading = Documentos em aberto
download-csv = Descarregar em CSV
select-hint = Cada pedido abaixo tem a sua própria lista de documentos: assinale os que lhe dizem respeito.
comment-heading = Enviar um comentário
comment-label = O seu comentário
comment-send = Enviar o comentário
dispute-heading = Contestar documentos
dispute-reason = Motivo
dispute-comment = Explique o problema
dispute-attach = Documentos comprovativos (opcional)
dispute-send = Contestar os documentos selecionados
promise-heading = Promessa de pagamento
promise-date = Data de pagamento (no prazo de { $days } dias)
promise-comment = Comentário (opcional)
promise-send = Prometer pagar os documentos selecionados
payment-heading = Há um pagamento a caminho
payment-date = Data do pagamento
payment-reference = Referência do pagamento (opcional)
payment-send = Informar o pagamento
tracker-heading = Os seus litígios
tracker-empty = Não tem litígios.
tracker-opened = Aberto em
tracker-reason = Motivo
tracker-items = Documentos
tracker-state = Estado
tracker-state-open = Aberto
tracker-state-answered = Respondido
tracker-state-resolved = Resolvido em { $date }
your-messages = As suas mensagens
customer-saved = Obrigado. O seu pedido foi registado e o departamento de cobranças foi informado.

## Estados tal como o cliente os vê
status-price_dispute = Preço contestado
status-quality_dispute = Qualidade contestada
status-delivery_dispute = Entrega contestada
status-administrative_dispute = Em verificação
status-promise_to_pay = Pagamento prometido
status-payment_in_progress = Pagamento a caminho
status-dispute_resolved = Litígio resolvido

## Relatórios
percent = { $value }%
report-console = Voltar à consola
report-disputes-title = Relatório de litígios
report-item-statuses-title = Relatório de estados das faturas
report-kpis-title = Indicadores de contas a receber
report-dispute-cases-title = Análise de litígios
report-as-of = Em { $date }
report-filters = Filtros
report-filters-hint = A entidade, o gestor e o cliente escolhem as faturas contadas; o estado e o responsável escolhem as faturas em litígio ou qualificadas a que os números se referem.
report-field-as-of = Data
report-field-entity = Entidade
report-field-collector = Gestor de cobrança
report-field-customer = Identificador do cliente
report-field-status = Estado
report-field-resolver = Responsável
report-field-from = Resoluções de
report-field-to = Resoluções até
report-field-cei-from = Período do índice de
report-field-cei-to = Período do índice até
report-field-months = Meses de tendência
report-field-language = Idioma
report-any = Todos
report-apply = Ver o relatório
report-download = Descarregar em CSV
report-summary = Resumo
report-outstanding = Saldo em aberto
report-items = { $n ->
    [one] { $n } fatura
   *[other] { $n } faturas
}
report-disputed = Saldo em litígio
report-disputed-items = Faturas em litígio
report-rate-amount = Taxa de litígio (montante)
report-rate-count = Taxa de litígio (número)
report-by-status = Por tipo de litígio
report-by-any-status = Por estado
report-by-customer = Por cliente
report-by-resolver = Por responsável
report-by-entity = Por entidade
report-by-collector = Por gestor
report-aging = Antiguidade dos litígios abertos
report-age-0-30 = 0–30 dias
report-age-31-60 = 31–60 dias
report-age-61-90 = 61–90 dias
report-age-90-plus = Mais de 90 dias
report-trend = Saldo em litígio no fim de cada mês
report-resolution = Litígios resolvidos de { $from } a { $to }
report-resolution-by-status = Prazo de resolução por tipo de litígio
report-resolution-by-resolver = Prazo de resolução por responsável
report-resolved = Resolvidos
report-average = Prazo médio (dias)
report-median = Prazo mediano (dias)
report-p90 = Percentil 90 (dias)
report-name = Nome
report-amount = Montante
report-count = Faturas
report-share = Parte
report-date = Data
report-none-status = Sem estado
report-none-resolver = Sem responsável
report-none-collector = Sem gestor
report-empty = Nada a assinalar.
report-overdue = Vencido
report-qualified = Qualificado
report-qualification-rate = Taxa de qualificação
report-qualification-rate-count = Taxa de qualificação (número)
report-kpi-dso-countback = PMR, método regressivo (dias)
report-kpi-dso-simple = PMR, método simples (dias)
report-kpi-best-dso = Melhor PMR possível (dias)
report-kpi-add = Dias médios de atraso
report-kpi-disputed-dso = PMR dos litígios (dias)
report-kpi-cei = Índice de eficácia da cobrança, { $from } – { $to }

# A resolver link whose dispute is resolved or handed over (read-only)
resolver-title-closed = Litígio (só leitura)
resolver-readonly-resolved = Este litígio está resolvido. A página continua disponível para consulta; respostas, anexos e transferências estão fechados.
resolver-readonly-handed-over = Transferiu este litígio, ou ele foi reatribuído. A página continua disponível para consulta; quem está agora responsável responde a partir da sua própria ligação.
error-closed-resolved-title = Este litígio está resolvido
error-closed-resolved-body = Nada foi guardado: o litígio está resolvido e a sua página é agora só de leitura.
error-closed-handed-over-title = Este litígio está noutras mãos
error-closed-handed-over-body = Nada foi guardado: o litígio foi transferido. Quem está agora responsável responde a partir da sua própria ligação.
error-quota = Estes ficheiros ultrapassariam o que pode ser enviado: 25 MB por ligação, 50 MB por litígio. Envie menos ficheiros ou ficheiros mais pequenos, ou envie-os por e-mail ao seu contacto.

# Item kinds: credits show as credits (a marker and a minus sign) everywhere
col-kind = Tipo
kind-invoice = Fatura
kind-credit_note = Nota de crédito
kind-payment_on_account = Pagamento por conta
kind-other = Outro
dispute-amount = Montante em litígio (opcional)
dispute-amount-hint = Só para parte de uma fatura: assinale essa fatura. Deixe em branco para contestar todo o montante em aberto.
error-amount = Indique um montante em litígio para uma fatura de cada vez, no máximo o montante em aberto, ou deixe em branco.
error-amounts = { error-amount }
