from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'changes.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_so = resolve('so')
    l_0_counts = resolve('counts')
    l_0_v = l_0_sec = l_0_c = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    l_0_v = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'review')
    context.vars['v'] = l_0_v
    context.exported_vars.add('v')
    l_0_sec = context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'changes')
    context.vars['sec'] = l_0_sec
    context.exported_vars.add('sec')
    l_0_c = environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'changes')
    context.vars['c'] = l_0_c
    context.exported_vars.add('c')
    yield '<section id="changes" class="changes" aria-labelledby="changes-h">\n<h2 id="changes-h">'
    yield escape(environment.getattr((undefined(name='sec') if l_0_sec is missing else l_0_sec), 'heading'))
    yield '</h2>\n<div class="signed" role="note">\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'signoff'):
        pass
        l_0_so = environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'signoff')
        context.vars['so'] = l_0_so
        context.exported_vars.add('so')
        yield '<p>Last signed off on <strong>'
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'date'), 'isoformat')))
        yield '</strong> by <strong>'
        yield escape(environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'signed_by'))
        yield '</strong>'
        if environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'decision'):
            pass
            yield ' ('
            yield escape(t_2(context.eval_ctx, environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'decision'), '-', ' '))
            yield ')'
        if environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'revision'):
            pass
            yield ', at policy revision <span class="mono">'
            yield escape(environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'revision'))
            yield '</span>'
        yield '; '
        yield escape(t_1(environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'accepted')))
        yield ' finding'
        yield escape(('' if (t_1(environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'accepted')) == 1) else 's'))
        yield ' accepted, '
        yield escape(environment.getattr((environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'result'), 'as_of') - environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'date')), 'days'))
        yield ' days before this report.</p>\n'
        if environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'note'):
            pass
            yield '<blockquote class="small">'
            yield escape(environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'note'))
            yield '</blockquote>'
        if (environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'since') and (environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'since') != environment.getattr((undefined(name='so') if l_0_so is missing else l_0_so), 'revision'))):
            pass
            yield '<p class="small">Compared with revision <span class="mono">'
            yield escape(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'since'))
            yield '</span>, as asked (<code>--since</code>).</p>'
    else:
        pass
        yield '<p>No sign-off is recorded. Compared with revision <span class="mono">'
        yield escape(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'since'))
        yield '</span>, as asked (<code>--since</code>).</p>\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'problem'):
        pass
        yield '<p class="small warn-note"><span aria-hidden="true">&#x25B2;</span> Entity changes are not shown: '
        yield escape(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'problem'))
        yield '.</p>'
    yield '</div>\n'
    if (undefined(name='c') if l_0_c is missing else l_0_c):
        pass
        l_0_counts = context.call(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'counts'))
        context.vars['counts'] = l_0_counts
        context.exported_vars.add('counts')
        yield '<ul class="counts changes-counts" aria-label="What changed">\n<li class="sev-error"><span class="n">'
        yield escape(t_1(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'new')))
        yield '</span> new finding'
        yield escape(('' if (t_1(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'new')) == 1) else 's'))
        yield '</li>\n<li class="fixed"><span class="n">'
        yield escape((t_1(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'fixed')) + environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'fixed_unidentified')))
        yield '</span> fixed</li>\n<li class="changed"><span class="n">'
        yield escape((((environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'added') + environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'removed')) + environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'changed')) + environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'moved')))
        yield '</span> entit'
        yield escape(('y' if ((((environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'added') + environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'removed')) + environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'changed')) + environment.getattr((undefined(name='counts') if l_0_counts is missing else l_0_counts), 'moved')) == 1) else 'ies'))
        yield ' changed</li>\n<li class="waived"><span class="n">'
        yield escape(t_1(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'unchanged')))
        yield '</span> unchanged finding'
        yield escape(('' if (t_1(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'unchanged')) == 1) else 's'))
        yield '</li>\n</ul>\n<p class="small muted">Findings are compared with '
        yield escape((environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'basis') or 'the findings before'))
        yield ', by fingerprint (rule, entity, field), as of '
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'as_of'), 'isoformat')))
        yield '.'
        if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'entities'):
            pass
            yield ' Entities are compared by kind and id: one moved to another file is the same entity.'
        yield '</p>\n'
        if ((environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'problem') == '') and (not environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'entities'))):
            pass
            yield '<p>No entity was added, removed or changed.</p>'
        l_1_loop = missing
        for (l_1_label, l_1_group), l_1_loop in LoopContext(context.call(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'by_kind')), undefined):
            _loop_vars = {}
            pass
            yield '<table class="register changes-table'
            yield escape((' keep' if (t_1(l_1_group) <= 12) else ''))
            yield '">\n<caption>'
            yield escape(l_1_label)
            yield ' ('
            yield escape(t_1(l_1_group))
            yield ')</caption>\n<colgroup><col style="width:12%"><col style="width:32%"><col></colgroup>\n<thead><tr><th scope="col">Change</th><th scope="col">Entity</th><th scope="col">What changed</th></tr></thead>\n<tbody>\n'
            l_2_loop = missing
            for l_2_e, l_2_loop in LoopContext(l_1_group, undefined):
                l_2_CHANGE_TEXT = resolve('CHANGE_TEXT')
                _loop_vars = {}
                pass
                yield '<tr>\n<td><span class="badge change-'
                yield escape(environment.getattr(l_2_e, 'status'))
                yield '">'
                yield escape(environment.getitem((undefined(name='CHANGE_TEXT') if l_2_CHANGE_TEXT is missing else l_2_CHANGE_TEXT), environment.getattr(l_2_e, 'status')))
                yield '</span></td>\n<th scope="row">'
                if ((environment.getattr(l_2_e, 'ref') in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'registered')) and (environment.getattr(l_2_e, 'status') != 'removed')):
                    pass
                    yield '<a href="#'
                    yield escape(environment.getattr(l_2_e, 'ref'))
                    yield '">'
                    yield escape(environment.getattr(l_2_e, 'name'))
                    yield '</a>'
                else:
                    pass
                    yield escape(environment.getattr(l_2_e, 'name'))
                yield '<br><code class="muted">'
                yield escape(environment.getattr(l_2_e, 'ref'))
                yield '</code></th>\n<td>'
                if environment.getattr(l_2_e, 'fields'):
                    pass
                    yield '<ul class="plain">'
                    l_3_loop = missing
                    for l_3_f, l_3_loop in LoopContext(environment.getattr(l_2_e, 'fields'), undefined):
                        _loop_vars = {}
                        pass
                        yield '<li><code>'
                        yield escape(environment.getattr(l_3_f, 'field'))
                        yield '</code>: '
                        if environment.getattr(l_3_f, 'is_list'):
                            pass
                            l_4_loop = missing
                            for l_4_item, l_4_loop in LoopContext(environment.getattr(l_3_f, 'added'), undefined):
                                _loop_vars = {}
                                pass
                                yield '<ins>+ '
                                yield escape(l_4_item)
                                yield '</ins>'
                                if ((not environment.getattr(l_4_loop, 'last')) or environment.getattr(l_3_f, 'removed')):
                                    pass
                                    yield '; '
                            l_4_loop = l_4_item = missing
                            l_4_loop = missing
                            for l_4_item, l_4_loop in LoopContext(environment.getattr(l_3_f, 'removed'), undefined):
                                _loop_vars = {}
                                pass
                                yield '<del>&minus; '
                                yield escape(l_4_item)
                                yield '</del>'
                                if (not environment.getattr(l_4_loop, 'last')):
                                    pass
                                    yield '; '
                            l_4_loop = l_4_item = missing
                        else:
                            pass
                            yield '<del>'
                            yield escape((environment.getattr(l_3_f, 'before') or '(not set)'))
                            yield '</del> &rarr; <ins>'
                            yield escape((environment.getattr(l_3_f, 'after') or '(not set)'))
                            yield '</ins>'
                        yield '</li>'
                    l_3_loop = l_3_f = missing
                    yield '</ul>'
                if environment.getattr(l_2_e, 'moved'):
                    pass
                    yield '<span class="small muted">moved from <code>'
                    yield escape(environment.getattr(l_2_e, 'before_place'))
                    yield '</code> to <code>'
                    yield escape(environment.getattr(l_2_e, 'after_place'))
                    yield '</code></span>'
                elif (environment.getattr(l_2_e, 'status') == 'added'):
                    pass
                    yield '<span class="small muted">in <code>'
                    yield escape(environment.getattr(l_2_e, 'after_place'))
                    yield '</code></span>'
                elif (environment.getattr(l_2_e, 'status') == 'removed'):
                    pass
                    yield '<span class="small muted">was in <code>'
                    yield escape(environment.getattr(l_2_e, 'before_place'))
                    yield '</code></span>'
                yield '</td>\n</tr>\n'
            l_2_loop = l_2_e = l_2_CHANGE_TEXT = missing
            yield '</tbody>\n</table>\n'
        l_1_loop = l_1_label = l_1_group = missing
        for (l_1_title, l_1_found, l_1_kind) in (('New findings since the last sign-off', environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'new'), 'new'), ('Findings fixed since', environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'fixed'), 'fixed')):
            _loop_vars = {}
            pass
            if l_1_found:
                pass
                yield '<table class="register changes-findings'
                yield escape((' keep' if (t_1(l_1_found) <= 12) else ''))
                yield '">\n<caption>'
                yield escape(l_1_title)
                yield ' ('
                yield escape(t_1(l_1_found))
                yield ')</caption>\n<colgroup><col style="width:13%"><col style="width:9%"><col style="width:27%"><col></colgroup>\n<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Entity</th><th scope="col">Finding</th></tr></thead>\n<tbody>\n'
                for l_2_f in l_1_found:
                    l_2_m = resolve('m')
                    l_2_view = missing
                    _loop_vars = {}
                    pass
                    l_2_view = (context.call(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'by_fingerprint'), 'get'), environment.getattr(l_2_f, 'fingerprint'), _loop_vars=_loop_vars) if (l_1_kind == 'new') else None)
                    _loop_vars['view'] = l_2_view
                    yield '<tr><td>'
                    yield escape(context.call(environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'severity'), environment.getattr(l_2_f, 'severity'), _loop_vars=_loop_vars))
                    yield '</td><th scope="row" class="nowrap">'
                    if (undefined(name='view') if l_2_view is missing else l_2_view):
                        pass
                        yield '<a href="#'
                        yield escape(environment.getattr((undefined(name='view') if l_2_view is missing else l_2_view), 'id'))
                        yield '">'
                        yield escape(environment.getattr(l_2_f, 'rule'))
                        yield '</a>'
                    else:
                        pass
                        yield escape(environment.getattr(l_2_f, 'rule'))
                    yield '</th><td><code>'
                    yield escape(environment.getattr(l_2_f, 'entity'))
                    yield '</code></td><td>'
                    yield escape(environment.getattr(l_2_f, 'message'))
                    yield '</td></tr>\n'
                l_2_f = l_2_view = l_2_m = missing
                yield '</tbody>\n</table>\n'
        l_1_title = l_1_found = l_1_kind = missing
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'fixed_unidentified'):
            pass
            yield '<p class="small">'
            yield escape(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'fixed_unidentified'))
            yield ' finding'
            yield escape((' that was' if (environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'fixed_unidentified') == 1) else 's that were'))
            yield ' accepted at the last sign-off '
            yield escape(('is' if (environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'fixed_unidentified') == 1) else 'are'))
            yield ' no longer reported (not listed: the signed revision could not be read).</p>'
        if ((((not environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'new')) and (not environment.getattr(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'findings'), 'fixed'))) and (not environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'entities'))) and (not environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'problem'))):
            pass
            yield '<p><strong>Nothing has changed since the last sign-off.</strong></p>'
    yield '</section>'

blocks = {}
debug_info = '2=27&3=30&4=33&6=37&8=39&9=41&10=45&11=66&12=71&14=79&16=81&18=87&19=89&21=93&22=97&23=99&24=103&26=107&27=115&28=119&29=123&30=125&34=130&36=135&37=139&38=152&39=196&45=217&46=220&47=223&48=225&52=229&53=234&54=237&60=257&61=266'