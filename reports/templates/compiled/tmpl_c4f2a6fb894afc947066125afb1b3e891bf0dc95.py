from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_report = resolve('report')
    l_0_SEVERITY_ORDER = resolve('SEVERITY_ORDER')
    l_0_m = l_0_r = l_0_s = l_0_as_of = l_0_everyone = l_0_last = l_0_clean = l_0_c = l_0_n = missing
    try:
        t_1 = environment.filters['css_string']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'css_string' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['link']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'link' found.")
    try:
        t_5 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_6 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_7 = environment.filters['place']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'place' found.")
    try:
        t_8 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_9 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_10 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    try:
        t_11 = environment.filters['sum']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'sum' found.")
    try:
        t_12 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('macros.html', 'report.html')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_r = (undefined(name='report') if l_0_report is missing else l_0_report)
    context.vars['r'] = l_0_r
    context.exported_vars.add('r')
    l_0_s = environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'summary')
    context.vars['s'] = l_0_s
    context.exported_vars.add('s')
    l_0_as_of = context.call(environment.getattr(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'result'), 'as_of'), 'isoformat'))
    context.vars['as_of'] = l_0_as_of
    context.exported_vars.add('as_of')
    l_0_everyone = t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'services'))
    context.vars['everyone'] = l_0_everyone
    context.exported_vars.add('everyone')
    yield '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'csp'))
    yield '">\n<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="policy-lint">\n<title>Compliance report: '
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'title'))
    yield ' (as of '
    yield escape((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))
    yield ')</title>\n<style>\n'
    template = environment.get_template('report.css', 'report.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'as_of': l_0_as_of, 'c': l_0_c, 'clean': l_0_clean, 'everyone': l_0_everyone, 'last': l_0_last, 'm': l_0_m, 'n': l_0_n, 'r': l_0_r, 's': l_0_s}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '@page {\n  @top-left { content: '
    yield escape(t_1((environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'organisation') or environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'title'))))
    yield '; }\n  @top-right { content: '
    yield escape(t_1(markup_join(('Policy revision ', (environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'), 'commit') if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision') else 'not under version control'), ' · as of ', (undefined(name='as_of') if l_0_as_of is missing else l_0_as_of), ))))
    yield '; }\n  @bottom-left { content: '
    yield escape(t_1(markup_join(('Data protection compliance report · ', ((environment.getattr(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'policy'), 'notice'), 'title') or environment.getattr(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'policy'), 'notice'), 'name')) if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'policy'), 'notice') else 'policy'), ))))
    yield '; }\n  @bottom-right { content: "Page " counter(page) " of " counter(pages); }\n}\n</style>\n</head>\n<body>\n<a class="skip" href="#summary">Skip to the summary</a>\n<div class="page">\n<header class="cover">\n<p class="kicker">Data protection compliance report</p>\n<h1>'
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'title'))
    yield '</h1>\n<dl class="meta">\n<div><dt>Evaluated as of</dt><dd>'
    yield escape((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))
    yield '</dd></div>\n<div><dt>Policy revision</dt><dd>'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'):
        pass
        yield '<span class="mono">'
        yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'), 'commit'))
        yield '</span>'
        if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'), 'dirty'):
            pass
            yield ' <span class="tag">uncommitted changes</span>'
    else:
        pass
        yield 'not under version control'
    yield '</dd></div>\n<div><dt>Policy files read</dt><dd>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'files'))
    yield '</dd></div>\n<div><dt>Rules run</dt><dd>'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'rules'))
    yield '</dd></div>\n<div><dt>CI gate fails on</dt><dd>'
    yield escape(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'fail_on'), 'value'))
    yield ' and above</dd></div>\n'
    l_0_last = (environment.getattr(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'result'), 'signoff'), 'latest') if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'result'), 'signoff') else None)
    context.vars['last'] = l_0_last
    context.exported_vars.add('last')
    yield '<div><dt>Last signed off</dt><dd>'
    if (undefined(name='last') if l_0_last is missing else l_0_last):
        pass
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='last') if l_0_last is missing else l_0_last), 'date'), 'isoformat')))
    else:
        pass
        yield 'not recorded'
    yield '</dd></div>\n</dl>\n<nav class="toc" aria-labelledby="toc-h">\n<h2 id="toc-h">Contents</h2>\n<ol>\n'
    for l_1_sec in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'sections'):
        _loop_vars = {}
        pass
        yield '<li><a href="#'
        yield escape(environment.getattr(l_1_sec, 'id'))
        yield '"><span class="toc-n">'
        yield escape(environment.getattr(l_1_sec, 'number'))
        yield '.</span> '
        yield escape(environment.getattr(l_1_sec, 'title'))
        if (environment.getattr(l_1_sec, 'id') == 'findings'):
            pass
            yield ' ('
            yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'finding_count'))
            yield ')'
        elif (environment.getattr(l_1_sec, 'id') == 'waived'):
            pass
            yield ' ('
            yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'waived')))
            yield ')'
        yield '</a>\n'
        if environment.getattr(l_1_sec, 'children'):
            pass
            yield '<ol>'
            for l_2_sub in environment.getattr(l_1_sec, 'children'):
                _loop_vars = {}
                pass
                yield '<li><a href="#'
                yield escape(environment.getattr(l_2_sub, 'id'))
                yield '"><span class="toc-n">'
                yield escape(environment.getattr(l_2_sub, 'number'))
                yield '</span> '
                yield escape(environment.getattr(l_2_sub, 'title'))
                yield '</a></li>'
            l_2_sub = missing
            yield '</ol>'
        yield '</li>\n'
    l_1_sec = missing
    yield '</ol>\n</nav>\n</header>\n\n<main>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'review'):
        pass
        template = environment.get_template('changes.html', 'report.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'as_of': l_0_as_of, 'c': l_0_c, 'clean': l_0_clean, 'everyone': l_0_everyone, 'last': l_0_last, 'm': l_0_m, 'n': l_0_n, 'r': l_0_r, 's': l_0_s}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '<section id="summary" aria-labelledby="summary-h">\n<h2 id="summary-h">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'summary'), 'heading'))
    yield '</h2>\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'failed'):
        pass
        yield '<div class="verdict fail" role="note">\n<span class="icon" aria-hidden="true">&#x2716;</span>\n<div><p><strong>Fails the CI gate.</strong> '
        yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'gate_count'))
        yield ' finding(s) at or above <em>'
        yield escape(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'fail_on'), 'value'))
        yield '</em>, the level at which CI stops a merge.</p>\n<p class="small">A policy that fails the gate should not be signed off without actions for each finding below.</p></div>\n</div>\n'
    else:
        pass
        yield '<div class="verdict pass" role="note">\n<span class="icon" aria-hidden="true">&#x2714;</span>\n<div><p><strong>Passes the CI gate.</strong> No finding at or above <em>'
        yield escape(environment.getattr(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'fail_on'), 'value'))
        yield '</em>'
        if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'finding_count'):
            pass
            yield '; '
            yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'finding_count'))
            yield ' finding(s) below that level are listed for review'
        yield '.</p></div>\n</div>\n'
    yield '<ul class="counts" aria-label="Findings by severity">\n<li class="sev-error"><span class="n">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'errors'))
    yield '</span><span aria-hidden="true">&#x2716;</span> Errors</li>\n<li class="sev-warning"><span class="n">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'warnings'))
    yield '</span><span aria-hidden="true">&#x25B2;</span> Warnings</li>\n<li class="sev-info"><span class="n">'
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'info'))
    yield '</span><span aria-hidden="true">&#x2139;</span> Info</li>\n<li class="waived"><span class="n">'
    yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'waived')))
    yield '</span><span aria-hidden="true">&#x25CB;</span> Waived</li>\n</ul>\n<p class="small">'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'owners'):
        pass
        yield '<a href="#actions">'
        yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'open'))
        yield ' open action'
        yield escape(('' if (environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'open') == 1) else 's'))
        yield '</a>'
        if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'overdue'):
            pass
            yield ', <strong class="overdue-text">'
            yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'overdue'))
            yield ' overdue</strong>'
        yield '. '
    else:
        pass
        yield 'No open finding has an action. '
    if context.call(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)):
        pass
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)))
        yield ' error'
        yield escape(('' if (context.call(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)) == 1) else 's'))
        yield ' '
        yield escape(('has' if (context.call(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)) == 1) else 'have'))
        yield ' no owner. '
    if (not environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'waived')):
        pass
        yield 'No finding is waived.'
    yield '</p>\n<div class="columns">\n<div>\n<table>\n<caption>Findings by area</caption>\n<thead><tr><th scope="col">Area</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Info</th><th scope="col" class="num">Waived</th></tr></thead>\n<tbody>\n'
    l_0_clean = t_5(context.eval_ctx, t_6(context, t_8(context, environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'areas'), 'found'), attribute='area'))
    context.vars['clean'] = l_0_clean
    context.exported_vars.add('clean')
    def t_13(fiter):
        for l_1_area in fiter:
            if environment.getattr(l_1_area, 'found'):
                yield l_1_area
    t_14 = 1
    for l_1_area in t_13(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'areas')):
        _loop_vars = {}
        pass
        yield '<tr><th scope="row">'
        yield escape(environment.getattr(l_1_area, 'area'))
        yield '</th>'
        for l_2_sev in (undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER):
            _loop_vars = {}
            pass
            yield '<td class="num">'
            yield escape(environment.getitem(environment.getattr(l_1_area, 'counts'), l_2_sev))
            yield '</td>'
        l_2_sev = missing
        yield '<td class="num">'
        yield escape(environment.getattr(l_1_area, 'waived'))
        yield '</td></tr>\n'
        t_14 = 0
    l_1_area = missing
    if t_14:
        pass
        yield '<tr><td colspan="5" class="none">'
        if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'areas'):
            pass
            yield 'No area has findings.'
        else:
            pass
            yield 'No rules were run.'
        yield '</td></tr>\n'
    yield '</tbody>\n</table>\n'
    if (undefined(name='clean') if l_0_clean is missing else l_0_clean):
        pass
        yield '<p class="small">No findings in: '
        yield escape(t_2(context.eval_ctx, (undefined(name='clean') if l_0_clean is missing else l_0_clean), ', '))
        yield '.</p>'
    yield '</div>\n<div>\n'
    l_0_c = environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'policy'), 'controller')
    context.vars['c'] = l_0_c
    context.exported_vars.add('c')
    l_0_n = environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'policy'), 'notice')
    context.vars['n'] = l_0_n
    context.exported_vars.add('n')
    yield '<table>\n<caption>Controller and notice</caption>\n<tbody>\n<tr><th scope="row">Controller</th><td>'
    if (undefined(name='c') if l_0_c is missing else l_0_c):
        pass
        yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'name'))
        if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'kind'):
            pass
            yield ' <span class="tag">'
            yield escape(t_9(context.eval_ctx, environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'kind'), '-', ' '))
            yield '</span>'
        if environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'public_authority'):
            pass
            yield ' <span class="tag">public authority</span>'
        elif t_12(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'public_authority')):
            pass
            yield ' <span class="tag">public authority: not recorded</span>'
    else:
        pass
        yield '<span class="missing">not stated</span>'
    yield '</td></tr>\n<tr><th scope="row">Controller contact</th><td>'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'contact'), (environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'contact') if (undefined(name='c') if l_0_c is missing else l_0_c) else None)))
    yield '</td></tr>\n<tr><th scope="row">Data Protection Officer</th><td>'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'contact'), (environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'dpo') if (undefined(name='c') if l_0_c is missing else l_0_c) else None)))
    yield '</td></tr>\n'
    if ((undefined(name='c') if l_0_c is missing else l_0_c) and environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'representative')):
        pass
        yield '<tr><th scope="row">Representative</th><td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'contact'), environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'representative')))
        yield '</td></tr>'
    yield '<tr><th scope="row">ICO registration</th><td>'
    if ((undefined(name='c') if l_0_c is missing else l_0_c) and environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'ico_registration')):
        pass
        yield escape(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'ico_registration'))
    else:
        pass
        yield '<span class="missing">not stated</span>'
    yield '</td></tr>\n<tr><th scope="row">Notice</th><td>'
    if (undefined(name='n') if l_0_n is missing else l_0_n):
        pass
        yield escape((environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'title') or environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'name')))
    else:
        pass
        yield '<span class="missing">no notice in the policy</span>'
    yield '</td></tr>\n'
    if (undefined(name='n') if l_0_n is missing else l_0_n):
        pass
        yield '<tr><th scope="row">Published at</th><td>'
        if environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'url'):
            pass
            yield escape(t_4(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'url')))
        else:
            pass
            yield '<span class="none">not stated</span>'
        if environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'full_notice_url'):
            pass
            yield '<br>full notice: '
            yield escape(t_4(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'full_notice_url')))
        yield '</td></tr>\n<tr><th scope="row">Last reviewed</th><td>'
        if environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'last_reviewed'):
            pass
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'last_reviewed'), 'isoformat')))
            if environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'review_cycle_months'):
                pass
                yield ' (review every '
                yield escape(environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'review_cycle_months'))
                yield ' months)'
        else:
            pass
            yield '<span class="none">not stated</span>'
        yield '</td></tr>\n<tr><th scope="row">Rights stated</th><td>'
        if environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'stated_rights'):
            pass
            yield escape(t_2(context.eval_ctx, t_10(environment, environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'stated_rights')), ', '))
        else:
            pass
            yield '<span class="missing">none</span>'
        yield '</td></tr>\n<tr><th scope="row">Automated decisions</th><td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'automated'), environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'automated_decision_making')))
        yield '</td></tr>\n<tr><th scope="row">Complaints to</th><td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'contact'), environment.getattr((undefined(name='n') if l_0_n is missing else l_0_n), 'complaint')))
        yield '</td></tr>\n'
    yield '</tbody>\n</table>\n</div>\n</div>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'by_rule'):
        pass
        yield '<table class="register">\n<caption>Findings by rule</caption>\n<colgroup><col style="width:15%"><col style="width:12%"><col><col style="width:12%"></colgroup>\n<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">What it found</th><th scope="col" class="num">Findings</th></tr></thead>\n<tbody>\n'
        for l_1_g in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'by_rule'):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'severity'), environment.getattr(l_1_g, 'severity'), _loop_vars=_loop_vars))
            yield '</td><th scope="row" class="nowrap"><a href="#'
            yield escape(environment.getattr(l_1_g, 'id'))
            yield '">'
            yield escape(environment.getattr(l_1_g, 'rule'))
            yield '</a></th><td>'
            yield escape(environment.getattr(l_1_g, 'title'))
            yield '</td><td class="num">'
            yield escape(t_3(environment.getattr(l_1_g, 'views')))
            yield '</td></tr>\n'
        l_1_g = missing
        yield '</tbody>\n</table>\n'
    yield '</section>\n\n'
    if context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'has'), 'actions'):
        pass
        template = environment.get_template('actions.html', 'report.html')
        gen = template.root_render_func(template.new_context(context.get_all(), True, {'as_of': l_0_as_of, 'c': l_0_c, 'clean': l_0_clean, 'everyone': l_0_everyone, 'last': l_0_last, 'm': l_0_m, 'n': l_0_n, 'r': l_0_r, 's': l_0_s}))
        try:
            for event in gen:
                yield event
        finally: gen.close()
    yield '\n<section id="findings" class="major" aria-labelledby="findings-h">\n<h2 id="findings-h">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'findings'), 'heading'))
    yield '</h2>\n<p class="small muted">Most severe first, grouped by rule (the rule that fires most often first), then by file and line. Each rule gives the law it rests on and how to fix it; each finding says where it is in the policy files and, where the entity came from the published notice, the phrase it was traced to. Errors are shown in full, warnings as rows of a table, and information that repeats as one card listing the entities.</p>\n'
    l_1_loop = missing
    t_15 = 1
    for (l_1_sev, l_1_groups), l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'findings'), undefined):
        l_1_SEVERITY_TEXT = resolve('SEVERITY_TEXT')
        l_1_word = l_1_icon = missing
        _loop_vars = {}
        pass
        (l_1_word, l_1_icon) = environment.getitem((undefined(name='SEVERITY_TEXT') if l_1_SEVERITY_TEXT is missing else l_1_SEVERITY_TEXT), l_1_sev)
        _loop_vars.update({'icon': l_1_icon, 'word': l_1_word})
        yield '<h3 id="findings-'
        yield escape(environment.getattr(l_1_sev, 'value'))
        yield '"><span aria-hidden="true">'
        yield escape((undefined(name='icon') if l_1_icon is missing else l_1_icon))
        yield '</span> '
        yield escape((undefined(name='word') if l_1_word is missing else l_1_word))
        yield escape(('s' if (environment.getattr(l_1_sev, 'value') != 'info') else ''))
        yield ' ('
        yield escape(t_11(environment, t_6(context, t_6(context, l_1_groups, attribute='views'), 'length')))
        yield ')</h3>\n'
        l_2_loop = missing
        for l_2_g, l_2_loop in LoopContext(l_1_groups, undefined):
            _loop_vars = {}
            pass
            yield '<section class="rule-group sev-'
            yield escape(environment.getattr(l_1_sev, 'value'))
            yield '" id="'
            yield escape(environment.getattr(l_2_g, 'id'))
            yield '" aria-labelledby="'
            yield escape(environment.getattr(l_2_g, 'id'))
            yield '-h">\n<h4 id="'
            yield escape(environment.getattr(l_2_g, 'id'))
            yield '-h">'
            yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'severity'), l_1_sev, _loop_vars=_loop_vars))
            yield ' <span class="rule-id">'
            yield escape(environment.getattr(l_2_g, 'rule'))
            yield '</span> '
            yield escape((environment.getattr(l_2_g, 'title') or environment.getattr(l_2_g, 'rule')))
            yield ' <span class="tag">'
            yield escape(environment.getattr(l_2_g, 'area'))
            yield '</span> <span class="count">'
            yield escape(t_3(environment.getattr(l_2_g, 'views')))
            yield ' finding'
            yield escape(('' if (t_3(environment.getattr(l_2_g, 'views')) == 1) else 's'))
            yield '</span></h4>\n<dl class="facts rule-facts">\n<dt>Law</dt><dd>'
            yield escape(environment.getattr(l_2_g, 'citation'))
            yield '</dd>\n<dt>Remediation</dt><dd>'
            yield escape(environment.getattr(l_2_g, 'remediation'))
            yield '</dd>\n</dl>\n'
            if environment.getattr(l_2_g, 'collapsed'):
                pass
                yield '<article class="finding sev-info collapsed" id="'
                yield escape(environment.getattr(l_2_g, 'id'))
                yield '-all">\n<p class="message"><span class="sr-only">'
                yield escape((undefined(name='word') if l_1_word is missing else l_1_word))
                yield ' '
                yield escape(environment.getattr(l_2_g, 'rule'))
                yield ': </span>'
                yield escape(t_3(environment.getattr(l_2_g, 'views')))
                yield ' findings of the same kind, one per entity below.</p>\n<p class="small">For example: '
                yield escape(environment.getattr(environment.getattr(environment.getitem(environment.getattr(l_2_g, 'views'), 0), 'finding'), 'message'))
                yield '</p>\n<ul class="entity-list">\n'
                for l_3_view in environment.getattr(l_2_g, 'views'):
                    _loop_vars = {}
                    pass
                    yield '<li id="'
                    yield escape(environment.getattr(l_3_view, 'id'))
                    yield '">'
                    if environment.getattr(l_3_view, 'anchor'):
                        pass
                        yield '<a href="#'
                        yield escape(environment.getattr(l_3_view, 'anchor'))
                        yield '">'
                        yield escape((environment.getattr(l_3_view, 'entity_name') or environment.getattr(environment.getattr(l_3_view, 'finding'), 'entity')))
                        yield '</a>'
                    else:
                        pass
                        yield escape((environment.getattr(l_3_view, 'entity_name') or environment.getattr(environment.getattr(l_3_view, 'finding'), 'entity')))
                    yield ' <code class="muted">'
                    yield escape(environment.getattr(l_3_view, 'location'))
                    yield '</code>'
                    if environment.getattr(environment.getattr(l_3_view, 'finding'), 'action'):
                        pass
                        yield ' <span class="tag">'
                        yield escape(environment.getattr(environment.getattr(environment.getattr(l_3_view, 'finding'), 'action'), 'owner'))
                        yield ', due '
                        yield escape(context.call(environment.getattr(environment.getattr(environment.getattr(environment.getattr(l_3_view, 'finding'), 'action'), 'due'), 'isoformat'), _loop_vars=_loop_vars))
                        yield '</span>'
                    yield '</li>\n'
                l_3_view = missing
                yield '</ul>\n</article>\n'
            l_3_loop = missing
            for l_3_view, l_3_loop in LoopContext(environment.getattr(l_2_g, 'cards'), undefined):
                l_3_f = missing
                _loop_vars = {}
                pass
                l_3_f = environment.getattr(l_3_view, 'finding')
                _loop_vars['f'] = l_3_f
                yield '<article class="finding sev-'
                yield escape(environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'severity'), 'value'))
                yield '" id="'
                yield escape(environment.getattr(l_3_view, 'id'))
                yield '">\n<p class="message"><span class="sr-only">'
                yield escape((undefined(name='word') if l_1_word is missing else l_1_word))
                yield ' '
                yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'rule'))
                yield ': </span>'
                yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'message'))
                yield '</p>\n<div class="finding-body">\n<dl class="facts">\n<dt>Entity</dt><dd>'
                if environment.getattr(l_3_view, 'anchor'):
                    pass
                    yield '<a href="#'
                    yield escape(environment.getattr(l_3_view, 'anchor'))
                    yield '">'
                    yield escape(environment.getattr(l_3_view, 'entity_name'))
                    yield '</a> '
                elif environment.getattr(l_3_view, 'entity_name'):
                    pass
                    yield escape(environment.getattr(l_3_view, 'entity_name'))
                    yield ' '
                yield '<code>'
                yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'entity'))
                yield '</code>'
                if environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'field'):
                    pass
                    yield ' field <code>'
                    yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'field'))
                    yield '</code>'
                yield '</dd>\n<dt>In the policy</dt><dd><code>'
                yield escape(environment.getattr(l_3_view, 'location'))
                yield '</code></dd>\n'
                if environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'related'):
                    pass
                    yield '<dt>Affects</dt><dd>'
                    yield escape(t_3(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'related')))
                    yield ': '
                    l_4_loop = missing
                    for l_4_x, l_4_loop in LoopContext(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'related'), undefined):
                        _loop_vars = {}
                        pass
                        yield '<code>'
                        yield escape(environment.getattr(l_4_x, 'entity'))
                        yield '</code>'
                        if (not environment.getattr(l_4_loop, 'last')):
                            pass
                            yield ', '
                    l_4_loop = l_4_x = missing
                    yield '</dd>'
                if environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'):
                    pass
                    yield '<dt>Action</dt><dd>'
                    yield escape(environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'owner'))
                    yield ', due '
                    yield escape(context.call(environment.getattr(environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'due'), 'isoformat'), _loop_vars=_loop_vars))
                    yield ', '
                    yield escape(t_9(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'status'), '-', ' '))
                    if environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'overdue'):
                        pass
                        yield ' <strong class="overdue-text">(overdue)</strong>'
                    if environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'note'):
                        pass
                        yield '<br><span class="small">'
                        yield escape(environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'note'))
                        yield '</span>'
                    yield '</dd>'
                if (environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'citation') != environment.getattr(l_2_g, 'citation')):
                    pass
                    yield '<dt>Law</dt><dd>'
                    yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'citation'))
                    yield '</dd>'
                if (environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'remediation') != environment.getattr(l_2_g, 'remediation')):
                    pass
                    yield '<dt>Remediation</dt><dd>'
                    yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'remediation'))
                    yield '</dd>'
                yield '</dl>\n<dl class="facts">\n<dt>In the notice</dt><dd>'
                yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'trace'), environment.getattr(l_3_view, 'trace'), _loop_vars=_loop_vars))
                yield '</dd>\n</dl>\n</div>\n</article>\n'
            l_3_loop = l_3_view = l_3_f = missing
            if environment.getattr(l_2_g, 'rest'):
                pass
                yield '<table class="register compact">\n<caption>'
                if environment.getattr(l_2_g, 'cards'):
                    pass
                    yield escape(t_3(environment.getattr(l_2_g, 'rest')))
                    yield ' more finding'
                    yield escape(('' if (t_3(environment.getattr(l_2_g, 'rest')) == 1) else 's'))
                    yield ' of '
                    yield escape(environment.getattr(l_2_g, 'rule'))
                else:
                    pass
                    yield escape(t_3(environment.getattr(l_2_g, 'rest')))
                    yield ' finding'
                    yield escape(('' if (t_3(environment.getattr(l_2_g, 'rest')) == 1) else 's'))
                    yield ' of '
                    yield escape(environment.getattr(l_2_g, 'rule'))
                yield '</caption>\n<colgroup><col style="width:27%"><col style="width:43%"><col style="width:30%"></colgroup>\n<thead><tr><th scope="col">Entity and place in the policy</th><th scope="col">Finding</th><th scope="col">In the notice</th></tr></thead>\n<tbody>\n'
                l_3_loop = missing
                for l_3_view, l_3_loop in LoopContext(environment.getattr(l_2_g, 'rest'), undefined):
                    l_3_f = missing
                    _loop_vars = {}
                    pass
                    l_3_f = environment.getattr(l_3_view, 'finding')
                    _loop_vars['f'] = l_3_f
                    yield '<tr id="'
                    yield escape(environment.getattr(l_3_view, 'id'))
                    yield '"><th scope="row">'
                    if environment.getattr(l_3_view, 'anchor'):
                        pass
                        yield '<a href="#'
                        yield escape(environment.getattr(l_3_view, 'anchor'))
                        yield '">'
                        yield escape(environment.getattr(l_3_view, 'entity_name'))
                        yield '</a>'
                    else:
                        pass
                        yield escape(environment.getattr(l_3_view, 'entity_name'))
                    yield '<br><code class="muted">'
                    yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'entity'))
                    yield '</code>'
                    if environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'field'):
                        pass
                        yield ' <code class="muted">'
                        yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'field'))
                        yield '</code>'
                    yield '<br><code class="normal">'
                    yield escape(environment.getattr(l_3_view, 'location'))
                    yield '</code></th><td>'
                    yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'message'))
                    if environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'related'):
                        pass
                        yield '<br><span class="small">Affects '
                        yield escape(t_3(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'related')))
                        yield ': '
                        l_4_loop = missing
                        for l_4_x, l_4_loop in LoopContext(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'related'), undefined):
                            _loop_vars = {}
                            pass
                            yield '<code>'
                            yield escape(environment.getattr(l_4_x, 'entity'))
                            yield '</code>'
                            if (not environment.getattr(l_4_loop, 'last')):
                                pass
                                yield ', '
                        l_4_loop = l_4_x = missing
                        yield '</span>'
                    if environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'):
                        pass
                        yield '<br><span class="small">Action: '
                        yield escape(environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'owner'))
                        yield ', due '
                        yield escape(context.call(environment.getattr(environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'due'), 'isoformat'), _loop_vars=_loop_vars))
                        yield ', '
                        yield escape(t_9(context.eval_ctx, environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'status'), '-', ' '))
                        if environment.getattr(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'action'), 'overdue'):
                            pass
                            yield ' (overdue)'
                        yield '</span>'
                    if (environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'citation') != environment.getattr(l_2_g, 'citation')):
                        pass
                        yield '<br><span class="small">Law: '
                        yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'citation'))
                        yield '</span>'
                    if (environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'remediation') != environment.getattr(l_2_g, 'remediation')):
                        pass
                        yield '<br><span class="small">Remediation: '
                        yield escape(environment.getattr((undefined(name='f') if l_3_f is missing else l_3_f), 'remediation'))
                        yield '</span>'
                    yield '</td><td>'
                    if (environment.getattr(l_3_view, 'trace') and environment.getattr(environment.getattr(l_3_view, 'trace'), 'quote')):
                        pass
                        yield '&ldquo;'
                        yield escape(environment.getattr(environment.getattr(l_3_view, 'trace'), 'quote'))
                        yield '&rdquo;'
                        if environment.getattr(environment.getattr(l_3_view, 'trace'), 'section'):
                            pass
                            yield ' <span class="small muted">('
                            yield escape(environment.getattr(environment.getattr(l_3_view, 'trace'), 'section'))
                            yield ')</span>'
                    elif (environment.getattr(l_3_view, 'trace') and environment.getattr(environment.getattr(l_3_view, 'trace'), 'added')):
                        pass
                        yield '<span class="muted">added: '
                        yield escape(environment.getattr(environment.getattr(l_3_view, 'trace'), 'added'))
                        yield '</span>'
                    yield '</td></tr>\n'
                l_3_loop = l_3_view = l_3_f = missing
                yield '</tbody>\n</table>\n'
            yield '</section>\n'
        l_2_loop = l_2_g = missing
        t_15 = 0
    l_1_loop = l_1_sev = l_1_groups = l_1_SEVERITY_TEXT = l_1_word = l_1_icon = missing
    if t_15:
        pass
        yield '<p><strong>No findings.</strong> Every rule that was run passed.</p>\n'
    yield '</section>\n\n'
    if context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'has'), 'waived'):
        pass
        yield '<section id="waived" class="major" aria-labelledby="waived-h">\n<h2 id="waived-h">'
        yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'waived'), 'heading'))
        yield '</h2>\n<p class="small muted">Accepted by a waiver: listed here, not counted by the CI gate. Each waiver lapses on its expiry date.</p>\n<table>\n<caption>Findings accepted by a current waiver ('
        yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'waived')))
        yield ')</caption>\n<colgroup><col style="width:30%"><col style="width:22%"><col style="width:26%"><col style="width:12%"><col style="width:10%"></colgroup>\n<thead><tr><th scope="col">Finding</th><th scope="col">Entity and place</th><th scope="col">Reason</th><th scope="col">Owner</th><th scope="col">Expires</th></tr></thead>\n<tbody>\n'
        for l_1_w in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'waived'):
            l_1_f = missing
            _loop_vars = {}
            pass
            l_1_f = environment.getattr(environment.getattr(l_1_w, 'view'), 'finding')
            _loop_vars['f'] = l_1_f
            yield '<tr id="'
            yield escape(environment.getattr(environment.getattr(l_1_w, 'view'), 'id'))
            yield '">\n<th scope="row">'
            yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'severity'), environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'severity'), _loop_vars=_loop_vars))
            yield ' <span class="rule-id">'
            yield escape(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'rule'))
            yield '</span><div class="normal">'
            yield escape(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'message'))
            yield '</div></th>\n<td>'
            if environment.getattr(environment.getattr(l_1_w, 'view'), 'anchor'):
                pass
                yield '<a href="#'
                yield escape(environment.getattr(environment.getattr(l_1_w, 'view'), 'anchor'))
                yield '">'
                yield escape(environment.getattr(environment.getattr(l_1_w, 'view'), 'entity_name'))
                yield '</a><br>'
            yield '<code>'
            yield escape(environment.getattr((undefined(name='f') if l_1_f is missing else l_1_f), 'entity'))
            yield '</code><br><code>'
            yield escape(environment.getattr(environment.getattr(l_1_w, 'view'), 'location'))
            yield '</code></td>\n<td>'
            yield escape(environment.getattr(l_1_w, 'reason'))
            yield '</td>\n<td>'
            yield escape(environment.getattr(l_1_w, 'owner'))
            yield '</td>\n<td>'
            yield escape(context.call(environment.getattr(environment.getattr(l_1_w, 'expires'), 'isoformat'), _loop_vars=_loop_vars))
            yield '<br><span class="small muted">'
            if (environment.getattr(l_1_w, 'days_left') > 0):
                pass
                yield 'in '
                yield escape(environment.getattr(l_1_w, 'days_left'))
                yield ' day'
                yield escape(('' if (environment.getattr(l_1_w, 'days_left') == 1) else 's'))
            elif (environment.getattr(l_1_w, 'days_left') == 0):
                pass
                yield 'today'
            else:
                pass
                yield 'expired'
            yield '</span></td>\n</tr>\n'
        l_1_w = l_1_f = missing
        yield '</tbody>\n</table>\n</section>\n'
    yield '\n'
    template = environment.get_template('flow.html', 'report.html')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'as_of': l_0_as_of, 'c': l_0_c, 'clean': l_0_clean, 'everyone': l_0_everyone, 'last': l_0_last, 'm': l_0_m, 'n': l_0_n, 'r': l_0_r, 's': l_0_s}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n<section id="registers" class="major" aria-labelledby="registers-h">\n<h2 id="registers-h">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'registers'), 'heading'))
    yield '</h2>\n\n<h3 id="services">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'services'), 'heading'))
    yield '</h3>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'notice_wide'):
        pass
        yield '<table class="register">\n<caption>Notice-wide lists: stated once by the notice for every service that relies on them (marked &#x2020; below)</caption>\n<colgroup><col style="width:14%"><col><col style="width:10%"></colgroup>\n<thead><tr><th scope="col">List</th><th scope="col">Entries</th><th scope="col" class="num">Services relying on it</th></tr></thead>\n<tbody>\n'
        l_1_loop = missing
        for (l_1_name, l_1_label, l_1_items, l_1_users), l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'notice_wide'), undefined):
            _loop_vars = {}
            pass
            yield '<tr id="notice-wide-'
            yield escape(l_1_name)
            yield '"><th scope="row">'
            yield escape(l_1_label)
            yield '</th><td>'
            l_2_loop = missing
            for l_2_item, l_2_loop in LoopContext(l_1_items, undefined):
                _loop_vars = {}
                pass
                yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'entity_name'), l_2_item, _loop_vars=_loop_vars))
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield '; '
            l_2_loop = l_2_item = missing
            yield '</td><td class="num">'
            yield escape(l_1_users)
            yield '</td></tr>\n'
        l_1_loop = l_1_name = l_1_label = l_1_items = l_1_users = missing
        yield '</tbody>\n</table>\n'
    yield '<table class="register services">\n<caption>Services ('
    yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'services')))
    yield '); &#x2020;&nbsp;+N notice&#x2011;wide: the N entries a service takes from a notice-wide list</caption>\n<colgroup><col style="width:20%"><col style="width:8.5%"><col style="width:10%"><col style="width:8.5%"><col style="width:9%"><col style="width:8.5%"><col style="width:8.5%"><col style="width:8.5%"><col style="width:11%"><col style="width:7.5%"></colgroup>\n<thead><tr><th scope="col">Service</th>'
    for l_1_label in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'service_columns'):
        _loop_vars = {}
        pass
        yield '<th scope="col">'
        yield escape(l_1_label)
        yield '</th>'
    l_1_label = missing
    yield '<th scope="col">Findings</th></tr></thead>\n<tbody>\n'
    t_16 = 1
    for l_1_sv in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'services'):
        _loop_vars = {}
        pass
        yield '<tr id="'
        yield escape(environment.getattr(environment.getattr(l_1_sv, 'service'), 'ref'))
        yield '">\n<th scope="row">'
        yield escape(environment.getattr(environment.getattr(l_1_sv, 'service'), 'name'))
        yield '<br><code class="muted id">'
        yield escape(environment.getattr(environment.getattr(l_1_sv, 'service'), 'id'))
        yield '</code><br><span class="small normal">Automated decisions: '
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'automated'), environment.getattr(environment.getattr(l_1_sv, 'service'), 'automated_decisions'), environment.getattr(environment.getattr(l_1_sv, 'service'), 'automated_decision_making'), _loop_vars=_loop_vars))
        yield '</span></th>\n'
        for l_2_f in environment.getattr(l_1_sv, 'fields'):
            _loop_vars = {}
            pass
            yield '<td>'
            if ((environment.getattr(l_2_f, 'own') or environment.getattr(l_2_f, 'wide')) or environment.getattr(l_2_f, 'via')):
                pass
                yield '<ul>\n'
                for l_3_item in environment.getattr(l_2_f, 'own'):
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'entity_name'), l_3_item, _loop_vars=_loop_vars))
                    yield '</li>\n'
                l_3_item = missing
                for l_3_item in environment.getattr(l_2_f, 'via'):
                    _loop_vars = {}
                    pass
                    yield '<li>'
                    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'entity_name'), l_3_item, _loop_vars=_loop_vars))
                    yield ' <span class="tag">via purpose</span></li>\n'
                l_3_item = missing
                if environment.getattr(l_2_f, 'wide'):
                    pass
                    yield '<li class="nw"><a href="#notice-wide-'
                    yield escape(environment.getattr(l_2_f, 'name'))
                    yield '">+'
                    yield escape(t_3(environment.getattr(l_2_f, 'wide')))
                    yield ' notice&#x2011;wide</a></li>\n'
                yield '</ul>'
            else:
                pass
                yield '<span class="none">none stated</span>'
            yield '</td>'
        l_2_f = missing
        yield '<td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'flags'), environment.getattr(l_1_sv, 'findings'), _loop_vars=_loop_vars))
        yield '</td>\n</tr>\n'
        t_16 = 0
    l_1_sv = missing
    if t_16:
        pass
        yield '<tr><td colspan="10" class="missing">The policy names no services.</td></tr>\n'
    yield '</tbody>\n</table>\n\n<h3 id="processors">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'processors'), 'heading'))
    yield '</h3>\n<table class="register">\n<caption>Processors acting on the controller\'s behalf ('
    yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'processors')))
    yield ')</caption>\n<colgroup><col style="width:14%"><col style="width:14%"><col style="width:7%"><col style="width:14%"><col style="width:14%"><col style="width:12%"><col style="width:17%"><col style="width:8%"></colgroup>\n<thead><tr><th scope="col">Processor</th><th scope="col">Service provided</th><th scope="col">Location</th><th scope="col">Contract evidence</th><th scope="col">Parent and sub-processors</th><th scope="col">Transfers</th><th scope="col">Used by</th><th scope="col">Findings</th></tr></thead>\n<tbody>\n'
    l_1_loop = missing
    t_17 = 1
    for l_1_pv, l_1_loop in LoopContext(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'processors'), undefined):
        l_1_k = resolve('k')
        l_1_p = missing
        _loop_vars = {}
        pass
        l_1_p = environment.getattr(l_1_pv, 'processor')
        _loop_vars['p'] = l_1_p
        yield '<tr id="'
        yield escape(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'ref'))
        yield '">\n<th scope="row">'
        yield escape(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'name'))
        if environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'category'):
            pass
            yield ' <span class="tag">category</span>'
        yield '<br><code class="muted">'
        yield escape(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'id'))
        yield '</code></th>\n<td>'
        yield escape((environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'service_provided') or ''))
        yield '</td>\n<td>'
        yield escape(t_7(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'location')))
        if (not environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'location')):
            pass
            yield '<span class="none">not stated</span>'
        yield '</td>\n<td>'
        if environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'contract'):
            pass
            l_1_k = environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'contract')
            _loop_vars['k'] = l_1_k
            if environment.getattr((undefined(name='k') if l_1_k is missing else l_1_k), 'reference'):
                pass
                yield escape(environment.getattr((undefined(name='k') if l_1_k is missing else l_1_k), 'reference'))
                yield '<br>'
            if environment.getattr((undefined(name='k') if l_1_k is missing else l_1_k), 'signed'):
                pass
                yield 'signed '
                yield escape(context.call(environment.getattr(environment.getattr((undefined(name='k') if l_1_k is missing else l_1_k), 'signed'), 'isoformat'), _loop_vars=_loop_vars))
                yield '<br>'
            if environment.getattr((undefined(name='k') if l_1_k is missing else l_1_k), 'article_28'):
                pass
                yield '<span class="tag">Art 28 terms</span><br>'
            else:
                pass
                yield '<span class="missing">Art 28 terms not confirmed</span><br>'
            if environment.getattr((undefined(name='k') if l_1_k is missing else l_1_k), 'evidence'):
                pass
                yield escape(t_4(environment.getattr((undefined(name='k') if l_1_k is missing else l_1_k), 'evidence')))
        else:
            pass
            yield '<span class="missing">no contract recorded</span>'
        yield '</td>\n<td>'
        if environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'parent_company'):
            pass
            yield 'parent: '
            yield escape(environment.getattr(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'parent_company'), 'name'))
            if environment.getattr(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'parent_company'), 'country'):
                pass
                yield ' ('
                yield escape(environment.getattr(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'parent_company'), 'country'))
                yield ')'
            yield '<br>'
        l_2_loop = missing
        for l_2_sub, l_2_loop in LoopContext(environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'sub_processors'), undefined):
            _loop_vars = {}
            pass
            yield escape(environment.getattr(l_2_sub, 'name'))
            if environment.getattr(l_2_sub, 'country'):
                pass
                yield ' ('
                yield escape(environment.getattr(l_2_sub, 'country'))
                yield ')'
            if environment.getattr(l_2_sub, 'purpose'):
                pass
                yield ': '
                yield escape(environment.getattr(l_2_sub, 'purpose'))
            if (not environment.getattr(l_2_loop, 'last')):
                pass
                yield '<br>'
        l_2_loop = l_2_sub = missing
        if ((not environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'parent_company')) and (not environment.getattr((undefined(name='p') if l_1_p is missing else l_1_p), 'sub_processors'))):
            pass
            yield '<span class="none">none stated</span>'
        yield '</td>\n<td>'
        l_2_loop = missing
        t_18 = 1
        for l_2_t, l_2_loop in LoopContext(environment.getattr(l_1_pv, 'transfers'), undefined):
            _loop_vars = {}
            pass
            yield '<a href="#'
            yield escape(environment.getattr(l_2_t, 'ref'))
            yield '">'
            yield escape(environment.getattr(l_2_t, 'name'))
            yield '</a>'
            if (not environment.getattr(l_2_loop, 'last')):
                pass
                yield '<br>'
            t_18 = 0
        l_2_loop = l_2_t = missing
        if t_18:
            pass
            yield '<span class="none">none</span>'
        yield '</td>\n<td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'names'), environment.getattr(l_1_pv, 'services'), (undefined(name='everyone') if l_0_everyone is missing else l_0_everyone), _loop_vars=_loop_vars))
        yield '</td>\n<td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'flags'), environment.getattr(l_1_pv, 'findings'), _loop_vars=_loop_vars))
        yield '</td>\n</tr>\n'
        t_17 = 0
    l_1_loop = l_1_pv = l_1_p = l_1_k = missing
    if t_17:
        pass
        yield '<tr><td colspan="8" class="none">No processors in the policy.</td></tr>\n'
    yield '</tbody>\n</table>\n\n<h3 id="transfers">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'transfers'), 'heading'))
    yield '</h3>\n'
    if (not environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'transfer_rules_run')):
        pass
        yield '<p class="small muted">No transfer rules were run, so no transfer was assessed.</p>'
    yield '<table class="register">\n<caption>Transfers outside the UK, as assessed on '
    yield escape((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))
    yield ' ('
    yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'transfers')))
    yield ')</caption>\n<colgroup><col style="width:22%"><col style="width:13%"><col style="width:7%"><col style="width:11%"><col style="width:12%"><col style="width:24%"><col style="width:11%"></colgroup>\n<thead><tr><th scope="col">Transfer</th><th scope="col">Importer</th><th scope="col">Destination</th><th scope="col">Data</th><th scope="col">Mechanism</th><th scope="col">Valid on '
    yield escape((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))
    yield '?</th><th scope="col">Copy of safeguards</th></tr></thead>\n<tbody>\n'
    t_19 = 1
    for l_1_tv in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'transfers'):
        l_1_t = missing
        _loop_vars = {}
        pass
        l_1_t = environment.getattr(l_1_tv, 'transfer')
        _loop_vars['t'] = l_1_t
        yield '<tr id="'
        yield escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'ref'))
        yield '">\n<th scope="row">'
        yield escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'name'))
        yield '<br><code class="muted">'
        yield escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'id'))
        yield '</code>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'notice_wording'):
            pass
            yield '<blockquote class="small">'
            yield escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'notice_wording'))
            yield '</blockquote>'
        yield '</th>\n<td>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'importer'):
            pass
            yield '<a href="#'
            yield escape(environment.getattr(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'importer'), 'ref'))
            yield '">'
            yield escape(environment.getattr(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'importer'), 'name'))
            yield '</a>'
        else:
            pass
            yield '<span class="missing">not resolved</span>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'importer_entity'):
            pass
            yield '<br><span class="small">'
            yield escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'importer_entity'))
            yield '</span>'
        yield '</td>\n<td>'
        yield escape(t_7(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'destination')))
        yield '</td>\n<td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'names'), environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'data_categories'), 0, _loop_vars=_loop_vars))
        yield '</td>\n<td>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'mechanism'):
            pass
            yield escape(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'mechanism'))
        else:
            pass
            yield '<span class="missing">not stated</span>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'in_place_from'):
            pass
            yield '<br><span class="small">in place from '
            yield escape(context.call(environment.getattr(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'in_place_from'), 'isoformat'), _loop_vars=_loop_vars))
            yield '</span>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'dpf_certified'):
            pass
            yield '<br><span class="tag">DPF certified</span>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'uk_extension'):
            pass
            yield ' <span class="tag">UK Extension</span>'
        yield '</td>\n<td><span class="badge status-'
        yield escape(environment.getattr(l_1_tv, 'status'))
        yield '"><span aria-hidden="true">'
        yield escape(environment.getattr(l_1_tv, 'icon'))
        yield '</span> '
        yield escape(environment.getattr(l_1_tv, 'label'))
        yield '</span>\n'
        if environment.getattr(l_1_tv, 'findings'):
            pass
            yield '<ul class="plain small">'
            for l_2_v in environment.getattr(l_1_tv, 'findings'):
                _loop_vars = {}
                pass
                yield '<li><a href="#'
                yield escape(environment.getattr(l_2_v, 'id'))
                yield '">'
                yield escape(environment.getattr(environment.getattr(l_2_v, 'finding'), 'rule'))
                yield '</a>: '
                yield escape(environment.getattr(environment.getattr(l_2_v, 'finding'), 'message'))
                yield '</li>'
            l_2_v = missing
            yield '</ul>'
        for l_2_w in environment.getattr(l_1_tv, 'waived'):
            _loop_vars = {}
            pass
            yield '<div class="small muted">waived '
            yield escape(environment.getattr(environment.getattr(environment.getattr(l_2_w, 'view'), 'finding'), 'rule'))
            yield ' until '
            yield escape(context.call(environment.getattr(environment.getattr(l_2_w, 'expires'), 'isoformat'), _loop_vars=_loop_vars))
            yield '</div>'
        l_2_w = missing
        yield '</td>\n<td>'
        if environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'safeguard_copy'):
            pass
            yield escape(t_4(environment.getattr((undefined(name='t') if l_1_t is missing else l_1_t), 'safeguard_copy')))
        else:
            pass
            yield '<span class="none">not stated</span>'
        yield '</td>\n</tr>\n'
        t_19 = 0
    l_1_tv = l_1_t = missing
    if t_19:
        pass
        yield '<tr><td colspan="7" class="none">The policy records no international transfers.</td></tr>\n'
    yield '</tbody>\n</table>\n\n<h3 id="retention">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'retention'), 'heading'))
    yield '</h3>\n'
    if (not environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'retention_knowledge')):
        pass
        yield '<p class="small muted">The statutory minimums knowledge file is not available, so no minimum is shown.</p>'
    yield '<table class="register">\n<caption>How long each class of record is kept ('
    yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'retention')))
    yield ')</caption>\n<colgroup><col style="width:15%"><col style="width:19%"><col style="width:11%"><col style="width:9%"><col style="width:9%"><col style="width:29%"><col style="width:8%"></colgroup>\n<thead><tr><th scope="col">Record class</th><th scope="col">Applies to</th><th scope="col">Period</th><th scope="col">Starting event</th><th scope="col">Disposal</th><th scope="col">Statutory minimum</th><th scope="col">Findings</th></tr></thead>\n<tbody>\n'
    t_20 = 1
    for l_1_rv in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'retention'):
        l_1_mn = resolve('mn')
        l_1_rule = missing
        _loop_vars = {}
        pass
        l_1_rule = environment.getattr(l_1_rv, 'rule')
        _loop_vars['rule'] = l_1_rule
        yield '<tr id="'
        yield escape(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'ref'))
        yield '">\n<th scope="row">'
        yield escape((environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'record_class') or environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'name')))
        yield '<br><code class="muted">'
        yield escape(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'id'))
        yield '</code>'
        if environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'short_term'):
            pass
            yield '<br><span class="tag">short term</span>'
        yield '</th>\n<td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'names'), environment.getattr(l_1_rv, 'services'), (undefined(name='everyone') if l_0_everyone is missing else l_0_everyone), _loop_vars=_loop_vars))
        yield '</td>\n<td>'
        if environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'period'):
            pass
            yield escape(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'period'))
        elif (environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'criteria') or environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'schedule_reference')):
            pass
            yield '<span class="none">no period</span>'
            if environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'criteria'):
                pass
                yield '<br><span class="small">criteria: '
                yield escape(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'criteria'))
                yield '</span>'
            if environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'schedule_reference'):
                pass
                yield '<br><span class="small">see '
                yield escape(t_4(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'schedule_reference')))
                yield '</span>'
        else:
            pass
            yield '<span class="missing">not stated</span>'
        if (environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'alternative') and environment.getattr(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'alternative'), 'until')):
            pass
            yield '<br><span class="small">or until '
            yield escape(environment.getattr(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'alternative'), 'until'))
            if environment.getattr(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'alternative'), 'whichever'):
                pass
                yield ', whichever is '
                yield escape(environment.getattr(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'alternative'), 'whichever'))
            yield '</span>'
        if environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'statutory_basis'):
            pass
            yield '<br><span class="small muted">basis: '
            yield escape(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'statutory_basis'))
            yield '</span>'
        yield '</td>\n<td>'
        yield escape(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'starts'))
        if (not environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'starts')):
            pass
            yield '<span class="none">not stated</span>'
        yield '</td>\n<td>'
        yield escape(environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'disposal'))
        if (not environment.getattr((undefined(name='rule') if l_1_rule is missing else l_1_rule), 'disposal')):
            pass
            yield '<span class="none">not stated</span>'
        yield '</td>\n<td>'
        if environment.getattr(l_1_rv, 'minimum'):
            pass
            l_1_mn = environment.getattr(l_1_rv, 'minimum')
            _loop_vars['mn'] = l_1_mn
            yield '<strong>'
            yield escape(environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'minimum'))
            yield '</strong>'
            if environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'starts'):
                pass
                yield ' from '
                yield escape(environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'starts'))
            if environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'alternative'):
                pass
                yield '<br><span class="small">'
                yield escape(environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'alternative'))
                yield '</span>'
            yield '<br><span class="small muted">'
            yield escape(environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'citation'))
            yield '</span>'
            if (environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'kind') == 'guidance'):
                pass
                yield ' <span class="tag">guidance</span>'
            if (not environment.getattr((undefined(name='mn') if l_1_mn is missing else l_1_mn), 'verified')):
                pass
                yield ' <span class="tag">source not verified</span>'
        else:
            pass
            yield '<span class="none">none known</span>'
        yield '</td>\n<td>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'flags'), environment.getattr(l_1_rv, 'findings'), _loop_vars=_loop_vars))
        yield '</td>\n</tr>\n'
        t_20 = 0
    l_1_rv = l_1_rule = l_1_mn = missing
    if t_20:
        pass
        yield '<tr><td colspan="7" class="missing">The policy records no retention rules.</td></tr>\n'
    yield '</tbody>\n</table>\n\n<h3 id="recipients">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'recipients'), 'heading'))
    yield '</h3>\n'
    t_21 = 1
    for (l_1_role, l_1_views) in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'recipients'):
        _loop_vars = {}
        pass
        yield '<table class="register">\n<caption>'
        yield escape(l_1_role)
        yield ' ('
        yield escape(t_3(l_1_views))
        yield ')</caption>\n<colgroup><col style="width:20%"><col style="width:17%"><col style="width:7%"><col style="width:17%"><col style="width:31%"><col style="width:8%"></colgroup>\n<thead><tr><th scope="col">Recipient</th><th scope="col">Examples</th><th scope="col">Country</th><th scope="col">Purpose</th><th scope="col">Used by</th><th scope="col">Findings</th></tr></thead>\n<tbody>\n'
        for l_2_rv in l_1_views:
            l_2_x = missing
            _loop_vars = {}
            pass
            l_2_x = environment.getattr(l_2_rv, 'recipient')
            _loop_vars['x'] = l_2_x
            yield '<tr id="'
            yield escape(environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'ref'))
            yield '">\n<th scope="row">'
            yield escape(environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'name'))
            if environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'category'):
                pass
                yield ' <span class="tag">category</span>'
            if environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'acts_on_our_behalf'):
                pass
                yield ' <span class="tag">acts on our behalf</span>'
            yield '<br><code class="muted">'
            yield escape(environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'id'))
            yield '</code></th>\n<td>'
            yield escape(t_2(context.eval_ctx, environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'examples'), ', '))
            yield '</td>\n<td>'
            yield escape(t_7(environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'country')))
            yield '</td>\n<td>'
            yield escape(environment.getattr((undefined(name='x') if l_2_x is missing else l_2_x), 'purpose'))
            yield '</td>\n<td>'
            yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'names'), environment.getattr(l_2_rv, 'services'), (undefined(name='everyone') if l_0_everyone is missing else l_0_everyone), _loop_vars=_loop_vars))
            yield '</td>\n<td>'
            yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'flags'), environment.getattr(l_2_rv, 'findings'), _loop_vars=_loop_vars))
            yield '</td>\n</tr>\n'
        l_2_rv = l_2_x = missing
        yield '</tbody>\n</table>\n'
        t_21 = 0
    l_1_role = l_1_views = missing
    if t_21:
        pass
        yield '<p class="none">The policy names no recipients.</p>\n'
    yield '</section>\n\n<section id="sign-off" class="sign-off" aria-labelledby="sign-off-h">\n<h2 id="sign-off-h">'
    yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'sign-off'), 'heading'))
    yield '</h2>\n<p>I have reviewed this report on <strong>'
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'title'))
    yield '</strong>, evaluated as of <strong>'
    yield escape((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))
    yield '</strong>'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'):
        pass
        yield ' at policy revision <span class="mono">'
        yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'))
        yield '</span>'
    yield ': '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'errors'))
    yield ' error(s), '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'warnings'))
    yield ' warning(s), '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'info'))
    yield ' info, '
    yield escape(t_3(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'waived')))
    yield ' waived.</p>\n<p class="small">'
    if (undefined(name='last') if l_0_last is missing else l_0_last):
        pass
        yield 'Previous sign-off: '
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='last') if l_0_last is missing else l_0_last), 'date'), 'isoformat')))
        yield ' by '
        yield escape(environment.getattr((undefined(name='last') if l_0_last is missing else l_0_last), 'signed_by'))
        if environment.getattr((undefined(name='last') if l_0_last is missing else l_0_last), 'revision'):
            pass
            yield ' at revision <span class="mono">'
            yield escape(environment.getattr((undefined(name='last') if l_0_last is missing else l_0_last), 'revision'))
            yield '</span>'
        yield '. '
    else:
        pass
        yield 'No previous sign-off is recorded. '
    yield 'Actions: '
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'owners'):
        pass
        yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'open'))
        yield ' open'
        if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'overdue'):
            pass
            yield ', '
            yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'overdue'))
            yield ' overdue'
        yield ' (section '
        yield escape(environment.getattr(context.call(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'section'), 'actions'), 'number'))
        yield ')'
    else:
        pass
        yield 'none recorded'
    if context.call(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)):
        pass
        yield '; '
        yield escape(context.call(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'actions'), 'unassigned_at'), environment.getitem((undefined(name='SEVERITY_ORDER') if l_0_SEVERITY_ORDER is missing else l_0_SEVERITY_ORDER), 0)))
        yield ' error(s) with no owner'
    yield '.</p>\n<div class="sign-grid">\n<div class="label">Reviewer (name, role)</div><div class="line"></div>\n<div class="label">Date</div><div class="line"></div>\n<div class="label">Decision</div>\n<ul class="choices">\n<li><span class="box" aria-hidden="true">&#x2610;</span> Approve</li>\n<li><span class="box" aria-hidden="true">&#x2610;</span> Approve with actions</li>\n<li><span class="box" aria-hidden="true">&#x2610;</span> Reject</li>\n</ul>\n<div class="label top">Further actions</div><div class="lines"><div class="line"></div><div class="line"></div></div>\n<div class="label">Signature</div><div class="line"></div>\n</div>\n<p class="small muted">To record this sign-off for the next report, add an entry to <code>policy-signoff.yaml</code>: <code>signed_by</code>, <code>date</code>, <code>revision</code>'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'):
        pass
        yield ' (<span class="mono">'
        yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'revision'), 'commit'))
        yield '</span>)'
    yield ', <code>decision</code> and, under <code>accepted</code>, the fingerprints of the findings accepted (<code>policy-lint check --format json</code> lists them). Record each action in the waiver file under <code>actions:</code> (owner, due date, status).</p>\n</section>\n</main>\n<footer class="small muted">\n<p>Produced by policy-lint from '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'files'))
    yield ' policy file(s) with '
    yield escape(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'rules'))
    yield ' rules, as of '
    yield escape((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of))
    yield '. This page is self-contained: it loads nothing and runs no script.</p>\n</footer>\n</div>\n</body>\n</html>'

blocks = {}
debug_info = '1=86&2=88&3=91&4=94&5=97&10=101&14=103&16=107&18=114&19=116&20=118&30=120&32=122&33=124&34=136&35=138&36=140&37=142&38=146&43=153&44=157&45=173&53=191&55=200&56=202&59=205&65=212&69=221&70=223&71=225&72=227&74=229&81=257&82=260&83=269&85=286&89=294&92=300&93=303&97=307&98=325&99=327&100=329&101=335&102=342&103=349&104=352&105=363&106=375&107=382&108=384&114=387&120=390&121=394&128=407&131=416&133=420&134=425&135=428&136=438&137=442&138=448&140=462&141=464&143=466&144=469&145=471&146=477&148=479&153=509&154=513&155=516&156=520&159=526&160=546&161=548&162=565&163=582&164=587&167=593&172=596&174=599&178=615&179=619&180=622&192=712&194=715&197=717&201=719&202=723&203=726&204=728&205=734&206=746&207=748&208=750&216=768&219=775&221=777&222=779&228=783&229=787&235=806&237=808&239=817&240=821&241=823&243=829&245=836&247=843&249=850&253=864&261=872&263=874&267=878&268=883&269=886&270=888&271=895&272=897&273=902&274=928&275=962&276=979&277=981&285=989&286=991&288=995&290=999&292=1002&293=1006&294=1009&295=1011&296=1021&297=1037&298=1039&299=1041&300=1059&301=1065&302=1080&303=1090&311=1103&312=1105&314=1109&318=1112&319=1117&320=1120&321=1122&322=1130&323=1132&324=1166&325=1171&326=1176&327=1205&335=1213&336=1216&338=1220&342=1224&343=1228&344=1231&345=1233&346=1243&347=1245&348=1247&349=1249&350=1251&361=1261&362=1263&363=1281&376=1318&380=1324'