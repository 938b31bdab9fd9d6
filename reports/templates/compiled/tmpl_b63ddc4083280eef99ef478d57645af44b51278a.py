from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'flow.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_SEVERITY_ORDER = resolve('SEVERITY_ORDER')
    l_0_d = l_0_sec = l_0_sev = l_0_marks = l_0_lines = missing
    try:
        t_1 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_2 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
    pass
    l_0_d = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'diagram')
    context.vars['d'] = l_0_d
    context.exported_vars.add('d')
    l_0_sec = context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'flows')
    context.vars['sec'] = l_0_sec
    context.exported_vars.add('sec')
    def macro(l_1_x):
        t_3 = []
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        pass
        t_3.extend((
            'sev-',
            escape((environment.getattr(l_1_x, 'value') if l_1_x else 'none')),
        ))
        return concat(t_3)
    context.exported_vars.add('sev')
    context.vars['sev'] = l_0_sev = Macro(environment, macro, 'sev', ('x',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_x, l_1_left, l_1_top):
        t_4 = []
        l_1_SEVERITY_TEXT = resolve('SEVERITY_TEXT')
        if l_1_x is missing:
            l_1_x = undefined("parameter 'x' was not provided", name='x')
        if l_1_left is missing:
            l_1_left = undefined("parameter 'left' was not provided", name='left')
        if l_1_top is missing:
            l_1_top = undefined("parameter 'top' was not provided", name='top')
        pass
        if l_1_x:
            pass
            t_4.extend((
                '<text class="mark ',
                escape(context.call((undefined(name='sev') if l_0_sev is missing else l_0_sev), l_1_x)),
                '" x="',
                escape(t_1('%.1f', l_1_left)),
                '" y="',
                escape(t_1('%.1f', l_1_top)),
                '">',
                escape(environment.getitem(environment.getitem((undefined(name='SEVERITY_TEXT') if l_1_SEVERITY_TEXT is missing else l_1_SEVERITY_TEXT), l_1_x), 1)),
                '</text>',
            ))
        return concat(t_4)
    context.exported_vars.add('marks')
    context.vars['marks'] = l_0_marks = Macro(environment, macro, 'marks', ('x', 'left', 'top'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_texts, l_1_left, l_1_top):
        t_5 = []
        if l_1_texts is missing:
            l_1_texts = undefined("parameter 'texts' was not provided", name='texts')
        if l_1_left is missing:
            l_1_left = undefined("parameter 'left' was not provided", name='left')
        if l_1_top is missing:
            l_1_top = undefined("parameter 'top' was not provided", name='top')
        pass
        l_2_loop = missing
        for l_2_text, l_2_loop in LoopContext(l_1_texts, undefined):
            l_2_LINE = resolve('LINE')
            _loop_vars = {}
            pass
            t_5.extend((
                '<text x="',
                escape(t_1('%.1f', l_1_left)),
                '" y="',
                escape(t_1('%.1f', (l_1_top + (environment.getattr(l_2_loop, 'index0') * (undefined(name='LINE') if l_2_LINE is missing else l_2_LINE))))),
                '">',
                escape(l_2_text),
                '</text>',
            ))
        l_2_loop = l_2_text = l_2_LINE = missing
        return concat(t_5)
    context.exported_vars.add('lines')
    context.vars['lines'] = l_0_lines = Macro(environment, macro, 'lines', ('texts', 'left', 'top'), False, False, False, context.eval_ctx.autoescape)
    yield '<section id="flows" class="major" aria-labelledby="flows-h">\n<h2 id="flows-h">'
    yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'heading'))
    yield '</h2>\n'
    if (not environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'empty')):
        pass
        yield '<figure class="flow">\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 '
        yield escape(t_1('%.0f', environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'width')))
        yield ' '
        yield escape(t_1('%.0f', environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'height')))
        yield '" width="'
        yield escape(t_1('%.0f', environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'width')))
        yield '" height="'
        yield escape(t_1('%.0f', environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'height')))
        yield '" role="img" aria-labelledby="flow-title flow-desc">\n<title id="flow-title">Where personal data comes from, which services use it, who receives it and in which places</title>\n<desc id="flow-desc">Four columns from left to right: sources, services, recipients and processors, places. Lists the notice states once for many services are drawn as one box each, joined to a frame around the services that rely on them. An entity with findings has a border and a mark for the worst severity of its findings: a red solid border and a cross for an error, an amber dashed border and a triangle for a warning, a blue dotted border and an i for information. A flow with findings (a transfer, a location) is drawn the same way. The registers below list the same entities as tables.</desc>\n<defs>\n'
        for (l_1_name, l_1_colour) in (('none', '#8a939c'), ('error', '#a4161a'), ('warning', '#9a6200'), ('info', '#1d4f91')):
            _loop_vars = {}
            pass
            yield '<marker id="arrow-'
            yield escape(l_1_name)
            yield '" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10L3 5z" fill="'
            yield escape(l_1_colour)
            yield '"/></marker>\n'
        l_1_name = l_1_colour = missing
        yield '</defs>\n'
        for (l_1_x, l_1_title) in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'headers'):
            _loop_vars = {}
            pass
            yield '<text class="col-h" x="'
            yield escape(t_1('%.1f', l_1_x))
            yield '" y="18">'
            yield escape(l_1_title)
            yield '</text>\n'
        l_1_x = l_1_title = missing
        for l_1_f in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'frames'):
            l_1_PAD = resolve('PAD')
            l_1_FONT = resolve('FONT')
            _loop_vars = {}
            pass
            yield '<g class="frame"><rect x="'
            yield escape(t_1('%.1f', environment.getattr(l_1_f, 'x')))
            yield '" y="'
            yield escape(t_1('%.1f', environment.getattr(l_1_f, 'y')))
            yield '" width="'
            yield escape(t_1('%.1f', environment.getattr(l_1_f, 'width')))
            yield '" height="'
            yield escape(t_1('%.1f', environment.getattr(l_1_f, 'height')))
            yield '" rx="6"/>'
            yield escape(context.call((undefined(name='lines') if l_0_lines is missing else l_0_lines), environment.getattr(l_1_f, 'title'), (environment.getattr(l_1_f, 'x') + 6), ((environment.getattr(l_1_f, 'y') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8)), _loop_vars=_loop_vars))
            yield '</g>\n'
        l_1_f = l_1_PAD = l_1_FONT = missing
        for l_1_e in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'edges'):
            _loop_vars = {}
            pass
            yield '<path class="edge '
            yield escape(context.call((undefined(name='sev') if l_0_sev is missing else l_0_sev), environment.getattr(l_1_e, 'severity'), _loop_vars=_loop_vars))
            yield '" d="'
            yield escape(environment.getattr(l_1_e, 'path'))
            yield '"><title>'
            yield escape(environment.getattr(l_1_e, 'title'))
            yield '</title></path>\n'
        l_1_e = missing
        for l_1_b in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'boxes'):
            l_1_PAD = resolve('PAD')
            l_1_FONT = resolve('FONT')
            _loop_vars = {}
            pass
            yield '<g class="box"><rect x="'
            yield escape(t_1('%.1f', environment.getattr(l_1_b, 'x')))
            yield '" y="'
            yield escape(t_1('%.1f', environment.getattr(l_1_b, 'y')))
            yield '" width="'
            yield escape(t_1('%.1f', environment.getattr(l_1_b, 'width')))
            yield '" height="'
            yield escape(t_1('%.1f', environment.getattr(l_1_b, 'height')))
            yield '" rx="4"/>\n<g class="box-title">'
            yield escape(context.call((undefined(name='lines') if l_0_lines is missing else l_0_lines), environment.getattr(l_1_b, 'title'), (environment.getattr(l_1_b, 'x') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)), ((environment.getattr(l_1_b, 'y') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8)), _loop_vars=_loop_vars))
            yield '</g>\n'
            for l_2_line in environment.getattr(l_1_b, 'lines'):
                l_2_MARK = resolve('MARK')
                l_2_kind = missing
                _loop_vars = {}
                pass
                l_2_kind = environment.getitem(environment.getattr(l_2_line, 'key'), 0)
                _loop_vars['kind'] = l_2_kind
                if environment.getattr(l_2_line, 'anchor'):
                    pass
                    yield '<a href="#'
                    yield escape(environment.getattr(l_2_line, 'anchor'))
                    yield '">'
                yield '<g class="line '
                yield escape(context.call((undefined(name='sev') if l_0_sev is missing else l_0_sev), environment.getattr(l_2_line, 'severity'), _loop_vars=_loop_vars))
                yield '"><title>'
                yield escape(environment.getattr(l_2_line, 'title'))
                yield '</title>'
                yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_2_line, 'severity'), (environment.getattr(l_1_b, 'x') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)), ((environment.getattr(l_1_b, 'y') + environment.getattr(l_2_line, 'y')) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8)), _loop_vars=_loop_vars))
                yield escape(context.call((undefined(name='lines') if l_0_lines is missing else l_0_lines), environment.getattr(l_2_line, 'lines'), ((environment.getattr(l_1_b, 'x') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) + (undefined(name='MARK') if l_2_MARK is missing else l_2_MARK)), ((environment.getattr(l_1_b, 'y') + environment.getattr(l_2_line, 'y')) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8)), _loop_vars=_loop_vars))
                if ((undefined(name='kind') if l_2_kind is missing else l_2_kind) in ('recipient', 'processor')):
                    pass
                    yield '<text class="tag-letter" x="'
                    yield escape(t_1('%.1f', (((environment.getattr(l_1_b, 'x') + environment.getattr(l_1_b, 'width')) - (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) - 8)))
                    yield '" y="'
                    yield escape(t_1('%.1f', ((environment.getattr(l_1_b, 'y') + environment.getattr(l_2_line, 'y')) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8))))
                    yield '">'
                    yield escape(('P' if ((undefined(name='kind') if l_2_kind is missing else l_2_kind) == 'processor') else 'R'))
                    yield '</text>'
                yield '</g>'
                if environment.getattr(l_2_line, 'anchor'):
                    pass
                    yield '</a>'
            l_2_line = l_2_kind = l_2_MARK = missing
            yield '</g>\n'
        l_1_b = l_1_PAD = l_1_FONT = missing
        for l_1_node in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'nodes'):
            l_1_PAD = resolve('PAD')
            l_1_FONT = resolve('FONT')
            l_1_MARK = resolve('MARK')
            l_1_kind = missing
            _loop_vars = {}
            pass
            l_1_kind = environment.getitem(environment.getattr(l_1_node, 'key'), 0)
            _loop_vars['kind'] = l_1_kind
            if environment.getattr(l_1_node, 'anchor'):
                pass
                yield '<a href="#'
                yield escape(environment.getattr(l_1_node, 'anchor'))
                yield '">'
            yield '<g class="node kind-'
            yield escape((undefined(name='kind') if l_1_kind is missing else l_1_kind))
            yield ' '
            yield escape(context.call((undefined(name='sev') if l_0_sev is missing else l_0_sev), environment.getattr(l_1_node, 'severity'), _loop_vars=_loop_vars))
            yield '"><title>'
            yield escape(environment.getattr(l_1_node, 'title'))
            yield '</title><rect x="'
            yield escape(t_1('%.1f', environment.getattr(l_1_node, 'x')))
            yield '" y="'
            yield escape(t_1('%.1f', environment.getattr(l_1_node, 'y')))
            yield '" width="'
            yield escape(t_1('%.1f', environment.getattr(l_1_node, 'width')))
            yield '" height="'
            yield escape(t_1('%.1f', environment.getattr(l_1_node, 'height')))
            yield '" rx="4"/>'
            yield escape(context.call((undefined(name='marks') if l_0_marks is missing else l_0_marks), environment.getattr(l_1_node, 'severity'), (environment.getattr(l_1_node, 'x') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)), ((environment.getattr(l_1_node, 'y') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8)), _loop_vars=_loop_vars))
            yield escape(context.call((undefined(name='lines') if l_0_lines is missing else l_0_lines), environment.getattr(l_1_node, 'lines'), ((environment.getattr(l_1_node, 'x') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) + ((undefined(name='MARK') if l_1_MARK is missing else l_1_MARK) if environment.getattr(l_1_node, 'severity') else 0)), ((environment.getattr(l_1_node, 'y') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8)), _loop_vars=_loop_vars))
            if ((undefined(name='kind') if l_1_kind is missing else l_1_kind) in ('recipient', 'processor')):
                pass
                yield '<text class="tag-letter" x="'
                yield escape(t_1('%.1f', (((environment.getattr(l_1_node, 'x') + environment.getattr(l_1_node, 'width')) - (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) - 8)))
                yield '" y="'
                yield escape(t_1('%.1f', ((environment.getattr(l_1_node, 'y') + (undefined(name='PAD') if l_1_PAD is missing else l_1_PAD)) + ((undefined(name='FONT') if l_1_FONT is missing else l_1_FONT) * 0.8))))
                yield '">'
                yield escape(('P' if ((undefined(name='kind') if l_1_kind is missing else l_1_kind) == 'processor') else 'R'))
                yield '</text>'
            yield '</g>'
            if environment.getattr(l_1_node, 'anchor'):
                pass
                yield '</a>'
        l_1_node = l_1_kind = l_1_PAD = l_1_FONT = l_1_MARK = missing
        yield '</svg>\n<figcaption>\n<ul class="legend">\n<li><svg width="46" height="12" aria-hidden="true"><line x1="2" y1="6" x2="44" y2="6" class="key-none"/></svg> flow</li>\n'
        def t_6(fiter):
            for l_1_x in fiter:
                if (l_1_x in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'severities')):
                    yield l_1_x
        for l_1_x in t_6((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER)):
            l_1_SEVERITY_TEXT = resolve('SEVERITY_TEXT')
            l_1_word = l_1_icon = missing
            _loop_vars = {}
            pass
            (l_1_word, l_1_icon) = environment.getitem((undefined(name='SEVERITY_TEXT') if l_1_SEVERITY_TEXT is missing else l_1_SEVERITY_TEXT), l_1_x)
            _loop_vars.update({'icon': l_1_icon, 'word': l_1_word})
            yield '<li><svg width="46" height="12" aria-hidden="true"><line x1="2" y1="6" x2="44" y2="6" class="key-'
            yield escape(environment.getattr(l_1_x, 'value'))
            yield '"/></svg><svg width="30" height="16" aria-hidden="true"><rect x="1" y="1" width="28" height="14" rx="3" class="key-'
            yield escape(environment.getattr(l_1_x, 'value'))
            yield '"/></svg> <span class="sev-text-'
            yield escape(environment.getattr(l_1_x, 'value'))
            yield '" aria-hidden="true">'
            yield escape((undefined(name='icon') if l_1_icon is missing else l_1_icon))
            yield '</span> '
            yield escape(t_2((undefined(name='word') if l_1_word is missing else l_1_word)))
            yield ' findings</li>\n'
        l_1_x = l_1_SEVERITY_TEXT = l_1_word = l_1_icon = missing
        yield '<li><strong>P</strong> processor, <strong>R</strong> recipient</li>\n</ul>\n'
        if environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'frames'):
            pass
            yield '<p class="small">A box lists what the notice states once for many services; a frame holds the services that rely on it. What a service names itself is drawn from that service.</p>'
        for l_1_note in environment.getattr((undefined(name='d') if l_0_d is missing else l_0_d), 'notes'):
            _loop_vars = {}
            pass
            yield '<p class="small"><strong>Folded for readability.</strong> '
            yield escape(l_1_note)
            yield '</p>'
        l_1_note = missing
        yield '</figcaption>\n</figure>\n'
    else:
        pass
        yield '<p>No flows to draw: the policy names no services.</p>\n'
    yield '</section>'

blocks = {}
debug_info = '2=26&3=29&4=32&5=44&6=70&8=98&9=100&11=103&15=111&18=121&20=130&22=147&24=158&25=164&26=172&27=174&28=179&29=181&33=209&34=216&35=218&41=255&42=264&43=267&47=279&48=282'