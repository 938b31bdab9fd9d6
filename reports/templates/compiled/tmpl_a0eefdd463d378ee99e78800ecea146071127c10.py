from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'macros.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_severity = l_0_flags = l_0_names = l_0_entity_name = l_0_trace = l_0_contact = l_0_automated = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['link']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'link' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_sev):
        t_5 = []
        l_1_SEVERITY_TEXT = resolve('SEVERITY_TEXT')
        l_1_word = l_1_icon = missing
        if l_1_sev is missing:
            l_1_sev = undefined("parameter 'sev' was not provided", name='sev')
        pass
        (l_1_word, l_1_icon) = environment.getitem((undefined(name='SEVERITY_TEXT') if l_1_SEVERITY_TEXT is missing else l_1_SEVERITY_TEXT), l_1_sev)
        t_5.extend((
            '<span class="badge sev-',
            escape(environment.getattr(l_1_sev, 'value')),
            '"><span aria-hidden="true">',
            escape((undefined(name='icon') if l_1_icon is missing else l_1_icon)),
            '</span> ',
            escape((undefined(name='word') if l_1_word is missing else l_1_word)),
            '</span>',
        ))
        return concat(t_5)
    context.exported_vars.add('severity')
    context.vars['severity'] = l_0_severity = Macro(environment, macro, 'severity', ('sev',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_views):
        t_6 = []
        if l_1_views is missing:
            l_1_views = undefined("parameter 'views' was not provided", name='views')
        pass
        if l_1_views:
            pass
            t_6.append(
                '<ul class="flags">\n',
            )
            for l_2_view in l_1_views:
                l_2_SEVERITY_TEXT = resolve('SEVERITY_TEXT')
                l_2_word = l_2_icon = missing
                _loop_vars = {}
                pass
                (l_2_word, l_2_icon) = environment.getitem((undefined(name='SEVERITY_TEXT') if l_2_SEVERITY_TEXT is missing else l_2_SEVERITY_TEXT), environment.getattr(environment.getattr(l_2_view, 'finding'), 'severity'))
                _loop_vars.update({'icon': l_2_icon, 'word': l_2_word})
                t_6.extend((
                    '<li><a class="sev-',
                    escape(environment.getattr(environment.getattr(environment.getattr(l_2_view, 'finding'), 'severity'), 'value')),
                    '" href="#',
                    escape(environment.getattr(l_2_view, 'id')),
                    '"><span aria-hidden="true">',
                    escape((undefined(name='icon') if l_2_icon is missing else l_2_icon)),
                    '</span><span class="sr-only">',
                    escape((undefined(name='word') if l_2_word is missing else l_2_word)),
                    '</span> ',
                    escape(environment.getattr(environment.getattr(l_2_view, 'finding'), 'rule')),
                    '</a></li>\n',
                ))
            l_2_view = l_2_SEVERITY_TEXT = l_2_word = l_2_icon = missing
            t_6.append(
                '</ul>',
            )
        else:
            pass
            t_6.append(
                '<span class="none">none</span>',
            )
        return concat(t_6)
    context.exported_vars.add('flags')
    context.vars['flags'] = l_0_flags = Macro(environment, macro, 'flags', ('views',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_items, l_1_everyone, l_1_limit):
        t_7 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        if l_1_everyone is missing:
            l_1_everyone = undefined("parameter 'everyone' was not provided", name='everyone')
        if l_1_limit is missing:
            l_1_limit = 10
        pass
        if ((l_1_items and (l_1_everyone > 3)) and (t_2(l_1_items) == l_1_everyone)):
            pass
            t_7.extend((
                'all ',
                escape(l_1_everyone),
                ' services',
            ))
        elif l_1_items:
            pass
            l_2_loop = missing
            for l_2_item, l_2_loop in LoopContext(l_1_items[:l_1_limit], undefined):
                _loop_vars = {}
                pass
                t_7.append(
                    escape(environment.getattr(l_2_item, 'name')),
                )
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    t_7.append(
                        ', ',
                    )
            l_2_loop = l_2_item = missing
            if (t_2(l_1_items) > l_1_limit):
                pass
                t_7.extend((
                    ' and ',
                    escape((t_2(l_1_items) - l_1_limit)),
                    ' more',
                ))
        else:
            pass
            t_7.append(
                '<span class="none">none</span>',
            )
        return concat(t_7)
    context.exported_vars.add('names')
    context.vars['names'] = l_0_names = Macro(environment, macro, 'names', ('items', 'everyone', 'limit'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_item):
        t_8 = []
        if l_1_item is missing:
            l_1_item = undefined("parameter 'item' was not provided", name='item')
        pass
        if (environment.getattr(l_1_item, 'KIND') == 'lawful_basis'):
            pass
            t_8.append(
                escape(environment.getattr(l_1_item, 'name')),
            )
            if environment.getattr(l_1_item, 'article'):
                pass
                t_8.extend((
                    ' <span class="tag">Art ',
                    escape(environment.getattr(l_1_item, 'article')),
                    '</span>',
                ))
        elif (environment.getattr(l_1_item, 'KIND') == 'data_category'):
            pass
            t_8.append(
                escape(environment.getattr(l_1_item, 'name')),
            )
            if environment.getattr(l_1_item, 'special_category'):
                pass
                t_8.append(
                    ' <span class="tag">special category</span>',
                )
            if environment.getattr(l_1_item, 'criminal_offence'):
                pass
                t_8.append(
                    ' <span class="tag">criminal offence</span>',
                )
        elif (environment.getattr(l_1_item, 'KIND') == 'retention_rule'):
            pass
            t_8.extend((
                '<a href="#',
                escape(environment.getattr(l_1_item, 'ref')),
                '">',
                escape((environment.getattr(l_1_item, 'record_class') or environment.getattr(l_1_item, 'name'))),
                '</a>: ',
                escape((environment.getattr(l_1_item, 'period') or 'no period')),
            ))
        elif (environment.getattr(l_1_item, 'KIND') in ('recipient', 'processor')):
            pass
            t_8.extend((
                '<a href="#',
                escape(environment.getattr(l_1_item, 'ref')),
                '">',
                escape(environment.getattr(l_1_item, 'name')),
                '</a>',
            ))
            if (environment.getattr(l_1_item, 'KIND') == 'processor'):
                pass
                t_8.append(
                    ' <span class="tag">processor</span>',
                )
        else:
            pass
            t_8.append(
                escape(environment.getattr(l_1_item, 'name')),
            )
        return concat(t_8)
    context.exported_vars.add('entity_name')
    context.vars['entity_name'] = l_0_entity_name = Macro(environment, macro, 'entity_name', ('item',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_t):
        t_9 = []
        if l_1_t is missing:
            l_1_t = undefined("parameter 't' was not provided", name='t')
        pass
        if (l_1_t and environment.getattr(l_1_t, 'quote')):
            pass
            t_9.extend((
                '<blockquote>',
                escape(environment.getattr(l_1_t, 'quote')),
                '</blockquote>',
            ))
            if environment.getattr(l_1_t, 'section'):
                pass
                t_9.extend((
                    '<div class="small muted">notice section: ',
                    escape(environment.getattr(l_1_t, 'section')),
                    '</div>',
                ))
        elif (l_1_t and environment.getattr(l_1_t, 'added')):
            pass
            t_9.extend((
                '<span class="muted">Not stated by the notice; added: ',
                escape(environment.getattr(l_1_t, 'added')),
                '</span>\n',
            ))
        else:
            pass
            t_9.append(
                '<span class="none">no traced phrase</span>',
            )
        return concat(t_9)
    context.exported_vars.add('trace')
    context.vars['trace'] = l_0_trace = Macro(environment, macro, 'trace', ('t',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_c):
        t_10 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        pass
        if l_1_c:
            pass
            if environment.getattr(l_1_c, 'name'):
                pass
                t_10.extend((
                    escape(environment.getattr(l_1_c, 'name')),
                    '<br>',
                ))
            if environment.getattr(l_1_c, 'email'):
                pass
                t_10.extend((
                    escape(environment.getattr(l_1_c, 'email')),
                    '<br>',
                ))
            for l_2_phone in environment.getattr(l_1_c, 'phone'):
                _loop_vars = {}
                pass
                t_10.extend((
                    escape(l_2_phone),
                    '<br>',
                ))
            l_2_phone = missing
            if environment.getattr(l_1_c, 'web'):
                pass
                t_10.extend((
                    escape(t_3(environment.getattr(l_1_c, 'web'))),
                    '<br>',
                ))
            if environment.getattr(l_1_c, 'address'):
                pass
                t_10.append(
                    escape(t_1(context.eval_ctx, environment.getattr(l_1_c, 'address'), ', ')),
                )
            if (not environment.getattr(l_1_c, 'reachable')):
                pass
                t_10.append(
                    '<span class="missing">no way to reach them is given</span>',
                )
        else:
            pass
            t_10.append(
                '<span class="missing">not stated</span>',
            )
        return concat(t_10)
    context.exported_vars.add('contact')
    context.vars['contact'] = l_0_contact = Macro(environment, macro, 'contact', ('c',), False, False, False, context.eval_ctx.autoescape)
    yield '\n\n'
    def macro(l_1_said, l_1_used):
        t_11 = []
        if l_1_said is missing:
            l_1_said = undefined("parameter 'said' was not provided", name='said')
        if l_1_used is missing:
            l_1_used = None
        pass
        if (not t_4(l_1_used)):
            pass
            t_11.append(
                escape(('yes' if l_1_used else 'no')),
            )
            if (l_1_said and environment.getattr(l_1_said, 'text')):
                pass
                t_11.extend((
                    ' <span class="small">(',
                    escape(environment.getattr(l_1_said, 'text')),
                    ')</span>',
                ))
        elif (l_1_said and (not t_4(environment.getattr(l_1_said, 'used')))):
            pass
            t_11.append(
                escape(('yes' if environment.getattr(l_1_said, 'used') else 'no')),
            )
            if environment.getattr(l_1_said, 'text'):
                pass
                t_11.extend((
                    ' <span class="small">(',
                    escape(environment.getattr(l_1_said, 'text')),
                    ')</span>',
                ))
        elif (l_1_said and environment.getattr(l_1_said, 'stated')):
            pass
            t_11.append(
                'mentioned, but not whether any decision is automated',
            )
        else:
            pass
            t_11.append(
                '<span class="none">not stated</span>',
            )
        return concat(t_11)
    context.exported_vars.add('automated')
    context.vars['automated'] = l_0_automated = Macro(environment, macro, 'automated', ('said', 'used'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=36&4=43&5=46&8=57&9=62&11=67&12=72&13=76&19=100&20=109&21=116&25=147&26=152&27=164&28=179&29=189&30=206&33=212&34=217&35=231&39=247&40=252&41=254&42=260&43=266&44=274&45=280&46=285&51=299&52=306&53=318&54=330'