from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'actions.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_SEVERITY_ORDER = resolve('SEVERITY_ORDER')
    l_0_a = l_0_sec = l_0_unowned = missing
    try:
        t_1 = environment.filters['groupby_count']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'groupby_count' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    try:
        t_5 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_6 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_7 = environment.filters['sum']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'sum' found.")
    pass
    l_0_a = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions')
    context.vars['a'] = l_0_a
    context.exported_vars.add('a')
    l_0_sec = context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'actions')
    context.vars['sec'] = l_0_sec
    context.exported_vars.add('sec')
    yield '<section id="actions" class="actions" aria-labelledby="actions-h">\n<h2 id="actions-h">'
    yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'heading'))
    yield '</h2>\n<p class="small muted">Actions are recorded in the waiver file (<code>actions:</code>): the owner, the due date and the status of the fix of each finding. An action does not accept its finding: the finding still counts until it is fixed.</p>\n<p>'
    if environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'owners'):
        pass
        yield '<strong>'
        yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'open'))
        yield '</strong> open action'
        yield escape(('' if (environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'open') == 1) else 's'))
        if environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'overdue'):
            pass
            yield ', <strong class="overdue-text">'
            yield escape(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'overdue'))
            yield ' overdue</strong>'
        yield ', held by '
        yield escape(t_2(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'owners')))
        yield ' owner'
        yield escape(('' if (t_2(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'owners')) == 1) else 's'))
        yield '. '
    else:
        pass
        yield 'No open finding has an action. '
    l_0_unowned = t_7(environment, t_5(context, t_5(context, environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'unassigned'), attribute=1), 'length'))
    context.vars['unowned'] = l_0_unowned
    context.exported_vars.add('unowned')
    if (undefined(name='unowned') if l_0_unowned is missing else l_0_unowned):
        pass
        yield escape((undefined(name='unowned') if l_0_unowned is missing else l_0_unowned))
        yield ' finding'
        yield escape((' has' if ((undefined(name='unowned') if l_0_unowned is missing else l_0_unowned) == 1) else 's have'))
        yield ' no owner'
        if context.call(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)):
            pass
            yield ', '
            yield escape(context.call(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)))
            yield ' of them at error'
        yield '.'
    yield '</p>\n'
    for l_1_g in environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'owners'):
        _loop_vars = {}
        pass
        yield '<table class="register actions-table'
        yield escape((' keep' if (t_2(environment.getattr(l_1_g, 'rows')) <= 12) else ''))
        yield '">\n<caption>'
        yield escape(environment.getattr(l_1_g, 'owner'))
        yield ': '
        yield escape(t_2(environment.getattr(l_1_g, 'rows')))
        yield ' action'
        yield escape(('' if (t_2(environment.getattr(l_1_g, 'rows')) == 1) else 's'))
        if environment.getattr(l_1_g, 'overdue'):
            pass
            yield ', '
            yield escape(environment.getattr(l_1_g, 'overdue'))
            yield ' overdue'
        yield '</caption>\n<colgroup><col><col style="width:16%"><col style="width:14%"><col style="width:24%"></colgroup>\n<thead><tr><th scope="col">Finding</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Note</th></tr></thead>\n<tbody>\n'
        for l_2_row in environment.getattr(l_1_g, 'rows'):
            l_2_m = resolve('m')
            l_2_f = missing
            _loop_vars = {}
            pass
            l_2_f = environment.getattr(environment.getattr(l_2_row, 'view'), 'finding')
            _loop_vars['f'] = l_2_f
            yield '<tr class="'
            yield escape(('overdue' if environment.getattr(environment.getattr(l_2_row, 'action'), 'overdue') else ''))
            yield '">\n<th scope="row" class="normal">'
            yield escape(context.call(environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'severity'), environment.getattr((undefined(name='f') if l_2_f is missing else l_2_f), 'severity'), _loop_vars=_loop_vars))
            yield ' <a href="#'
            yield escape(environment.getattr(environment.getattr(l_2_row, 'view'), 'id'))
            yield '">'
            yield escape(environment.getattr((undefined(name='f') if l_2_f is missing else l_2_f), 'rule'))
            yield '</a> '
            yield escape(environment.getattr((undefined(name='f') if l_2_f is missing else l_2_f), 'message'))
            yield '</th>\n<td>'
            yield escape(context.call(environment.getattr(environment.getattr(environment.getattr(l_2_row, 'action'), 'due'), 'isoformat'), _loop_vars=_loop_vars))
            yield '<br><span class="small '
            yield escape(('overdue-text' if environment.getattr(environment.getattr(l_2_row, 'action'), 'overdue') else 'muted'))
            yield '">'
            if environment.getattr(environment.getattr(l_2_row, 'action'), 'overdue'):
                pass
                yield '<span aria-hidden="true">&#x2716;</span> '
            yield escape(environment.getattr(l_2_row, 'when'))
            yield '</span></td>\n<td>'
            yield escape(t_6(context.eval_ctx, environment.getattr(environment.getattr(l_2_row, 'action'), 'status'), '-', ' '))
            if environment.getattr(l_2_row, 'waived'):
                pass
                yield '<br><span class="small muted">waived meanwhile</span>'
            yield '</td>\n<td>'
            yield escape(environment.getattr(environment.getattr(l_2_row, 'action'), 'note'))
            yield '</td>\n</tr>\n'
        l_2_row = l_2_f = l_2_m = missing
        yield '</tbody>\n</table>\n'
    l_1_g = missing
    if environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'unassigned'):
        pass
        yield '<h3 id="unassigned">Findings with no owner</h3>\n'
        l_1_loop = missing
        for (l_1_sev, l_1_views), l_1_loop in LoopContext(environment.getattr((undefined(name='a') if l_0_a is missing else l_0_a), 'unassigned'), undefined):
            l_1_SEVERITY_TEXT = resolve('SEVERITY_TEXT')
            l_1_UNOWNED_LISTED = resolve('UNOWNED_LISTED')
            l_1_word = l_1_icon = missing
            _loop_vars = {}
            pass
            (l_1_word, l_1_icon) = environment.getitem((undefined(name='SEVERITY_TEXT') if l_1_SEVERITY_TEXT is missing else l_1_SEVERITY_TEXT), l_1_sev)
            _loop_vars.update({'icon': l_1_icon, 'word': l_1_word})
            if ((l_1_sev == environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)) and (t_2(l_1_views) <= (undefined(name='UNOWNED_LISTED') if l_1_UNOWNED_LISTED is missing else l_1_UNOWNED_LISTED))):
                pass
                yield '<table class="register actions-table'
                yield escape((' keep' if (t_2(l_1_views) <= 12) else ''))
                yield '">\n<caption>'
                yield escape((undefined(name='word') if l_1_word is missing else l_1_word))
                yield 's with no action ('
                yield escape(t_2(l_1_views))
                yield ')</caption>\n<colgroup><col style="width:10%"><col style="width:28%"><col></colgroup>\n<thead><tr><th scope="col">Rule</th><th scope="col">Entity</th><th scope="col">Finding</th></tr></thead>\n<tbody>\n'
                for l_2_view in l_1_views:
                    _loop_vars = {}
                    pass
                    yield '<tr><th scope="row"><a href="#'
                    yield escape(environment.getattr(l_2_view, 'id'))
                    yield '">'
                    yield escape(environment.getattr(environment.getattr(l_2_view, 'finding'), 'rule'))
                    yield '</a></th><td>'
                    yield escape((environment.getattr(l_2_view, 'entity_name') or environment.getattr(environment.getattr(l_2_view, 'finding'), 'entity')))
                    yield '</td><td>'
                    yield escape(environment.getattr(environment.getattr(l_2_view, 'finding'), 'message'))
                    yield '</td></tr>\n'
                l_2_view = missing
                yield '</tbody>\n</table>\n'
            else:
                pass
                yield '<p class="unowned"><span class="badge sev-'
                yield escape(environment.getattr(l_1_sev, 'value'))
                yield '"><span aria-hidden="true">'
                yield escape((undefined(name='icon') if l_1_icon is missing else l_1_icon))
                yield '</span> '
                yield escape(t_2(l_1_views))
                yield ' '
                yield escape(t_4((undefined(name='word') if l_1_word is missing else l_1_word)))
                yield escape(('' if ((environment.getattr(l_1_sev, 'value') == 'info') or (t_2(l_1_views) == 1)) else 's'))
                yield '</span> with no action:\n'
                l_2_loop = missing
                for (l_2_rule, l_2_count), l_2_loop in LoopContext(t_1(t_3(context.eval_ctx, t_5(context, l_1_views, attribute='finding.rule'))), undefined):
                    _loop_vars = {}
                    pass
                    yield '<a href="#rule-'
                    yield escape(environment.getattr(l_1_sev, 'value'))
                    yield '-'
                    yield escape(l_2_rule)
                    yield '">'
                    yield escape(l_2_rule)
                    yield '</a>'
                    if (l_2_count > 1):
                        pass
                        yield '&nbsp;&times;'
                        yield escape(l_2_count)
                    if (not environment.getattr(l_2_loop, 'last')):
                        pass
                        yield ', '
                l_2_loop = l_2_rule = l_2_count = missing
                yield '</p>\n'
        l_1_loop = l_1_sev = l_1_views = l_1_SEVERITY_TEXT = l_1_word = l_1_icon = l_1_UNOWNED_LISTED = missing
    yield '</section>'

blocks = {}
debug_info = '2=56&3=59&5=63&7=65&8=100&9=104&10=106&14=117&15=122&16=125&17=127&18=135&19=144&20=149&26=154&28=158&29=164&30=166&31=169&32=171&36=175&37=179&42=192&43=202'