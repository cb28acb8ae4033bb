// The newsroom console of portal12320: one script for every page of the
// console (docs/console-api.md). The page's address decides what is shown;
// everything comes from the JSON API. Text from the API is always set with
// textContent; only preview_html (rendered and sanitised by the server) is
// put into the page as HTML.
(function () {
  'use strict';

  var SITE_NAME = '江苏12320 编辑审核平台';
  var STATUS_ORDER = ['awaiting', 'blocked', 'rejected', 'published', 'private'];
  var STATUS_NAMES = {
    awaiting: '待审核', blocked: '禁止发布', rejected: '已退回', published: '已发布', private: '私人答复'
  };
  var SEVERITY_NAMES = { block: '禁止发布', review: '需审核', info: '提示' };
  var SEVERITY_RANK = { info: 1, review: 2, block: 3 };
  var RULE_NAMES = {
    classified: '涉密内容',
    sensitive: '敏感词',
    taboo: '不当用语',
    'pii.id-card': '身份证号码',
    'pii.mobile': '手机号码',
    'pii.landline': '固定电话号码',
    'pii.email': '电子邮箱地址',
    'pii.bank-card': '银行卡号',
    'text.right-to-left': '从右到左的控制字符',
    'text.rare-character': '生僻字（可能是形近常用字的异体）',
    'contact.public': '公开的机构联系方式'
  };
  var DECISION_NAMES = { submitted: '提交', approved: '批准', rejected: '退回' };
  var ROLE_NAMES = { editor: '编辑', reviewer: '审核员', admin: '管理员' };
  var FIELD_NAMES = {
    id: '编号', title: '标题', category: '分类', updated: '更新日期', visibility: '公开/私人', tags: '标签'
  };
  var MAPPED_KEYS = ['id', 'title', 'category', 'updated', 'visibility', 'tags'];
  var ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  var state = { me: null, csrf: null };
  var main = null;

  // ---------------------------------------------------------------- helpers

  function append(node, children) {
    if (children === undefined || children === null || children === false) { return node; }
    if (!Array.isArray(children)) { children = [children]; }
    children.forEach(function (child) {
      if (child === undefined || child === null || child === false) { return; }
      if (Array.isArray(child)) { append(node, child); return; }
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  /// Creates an element. `attrs.text` sets textContent, `attrs.class` the
  /// class, `attrs.for` the label's control, `attrs.value` the current value
  /// (after the children, so a select's options exist), `onX` listeners.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var value;
    Object.keys(attrs || {}).forEach(function (key) {
      var v = attrs[key];
      if (v === undefined || v === null || v === false) { return; }
      if (key === 'text') { node.textContent = String(v); }
      else if (key === 'class') { node.className = v; }
      else if (key === 'for') { node.htmlFor = v; }
      else if (key === 'value') { value = v; }
      else if (key.slice(0, 2) === 'on' && typeof v === 'function') { node.addEventListener(key.slice(2), v); }
      else if (v === true) { node.setAttribute(key, ''); }
      else { node.setAttribute(key, String(v)); }
    });
    append(node, children);
    if (value !== undefined) { node.value = value; }
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  function say(node, text) {
    if (node) { node.textContent = text || ''; }
  }

  /// Empties <main>, sets the document title and the page's only h1.
  function page(title, heading) {
    clear(main);
    document.title = title + ' - ' + SITE_NAME;
    var h1 = el('h1', { id: 'page-title', text: heading || title });
    main.appendChild(h1);
    return h1;
  }

  function toLogin() {
    location.replace('/login');
  }

  /// One request to the API. Resolves to {status, ok, data}; a 401 (other
  /// than a failed login) goes to the login page and never resolves.
  async function api(method, path, body, extraHeaders) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json; charset=utf-8'; }
    if (method !== 'GET' && method !== 'HEAD' && state.csrf) { headers['X-CSRF-Token'] = state.csrf; }
    Object.keys(extraHeaders || {}).forEach(function (key) { headers[key] = extraHeaders[key]; });
    var response;
    try {
      response = await fetch(path, {
        method: method,
        headers: headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body)
      });
    } catch (error) {
      return { status: 0, ok: false, data: { error: '无法连接到平台服务器，请检查网络后重试。' } };
    }
    if (response.status === 401 && path !== '/api/session') {
      toLogin();
      return new Promise(function () {});
    }
    var data = {};
    try {
      var text = await response.text();
      if (text) { data = JSON.parse(text) || {}; }
    } catch (error) {
      data = {};
    }
    return { status: response.status, ok: response.ok, data: data };
  }

  /// The server's Chinese message, or a general one for the status.
  function errorText(result, fallback) {
    if (result.data && typeof result.data.error === 'string' && result.data.error) { return result.data.error; }
    if (fallback) { return fallback; }
    if (result.status === 0) { return '无法连接到平台服务器，请检查网络后重试。'; }
    if (result.status === 403) { return '您没有进行这项操作的权限。'; }
    if (result.status === 404) { return '找不到您要的内容。'; }
    return '操作没有成功（错误代码 ' + result.status + '），请稍后再试。';
  }

  function answerPath(scope, id) {
    return '/api/answers/' + encodeURIComponent(scope) + '/' + encodeURIComponent(id);
  }

  /// "scope/id" → the page address under `prefix` (/review or /edit).
  function answerLink(prefix, answer) {
    return prefix + '/' + String(answer).split('/').map(encodeURIComponent).join('/');
  }

  function scopeName(scope) {
    if (scope === 'province') { return '全省'; }
    var cities = (state.me && state.me.cities) || [];
    for (var i = 0; i < cities.length; i++) {
      if (cities[i].abbr === scope) { return cities[i].name; }
    }
    return scope;
  }

  function statusBadge(status) {
    return el('span', {
      class: 'badge status-' + (STATUS_NAMES[status] ? status : 'other'),
      text: STATUS_NAMES[status] || String(status || '未知状态')
    });
  }

  function severityBadge(severity) {
    return el('span', {
      class: 'badge severity-' + (SEVERITY_NAMES[severity] ? severity : 'info'),
      text: SEVERITY_NAMES[severity] || String(severity || '提示')
    });
  }

  /// "3 小时", "2 天": how long an answer has waited.
  function humanAge(seconds) {
    if (seconds === null || seconds === undefined || isNaN(seconds)) { return '—'; }
    if (seconds < 60) { return '不到 1 分钟'; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + ' 分钟'; }
    if (seconds < 86400) { return Math.floor(seconds / 3600) + ' 小时'; }
    return Math.floor(seconds / 86400) + ' 天';
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  /// An ISO 8601 time as Beijing time, "2024-09-10 14:05".
  function chinaTime(text) {
    var date = new Date(text);
    if (!text || isNaN(date.getTime())) { return String(text || ''); }
    var d = new Date(date.getTime() + 8 * 3600 * 1000);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' +
      pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function findingText(finding) {
    var parts = [RULE_NAMES[finding.rule] || String(finding.rule || '')];
    if (finding.label) { parts.push(String(finding.label)); }
    if (finding.term) { parts.push('「' + finding.term + '」'); }
    return parts.join(' · ');
  }

  function sortFindings(findings) {
    return findings.slice().sort(function (a, b) {
      return (a.line || 0) - (b.line || 0) || (a.column || 0) - (b.column || 0);
    });
  }

  /// Error issues ({file, line, message}) as list items "第 N 行：…".
  function issueItems(issues, lineLabel) {
    return issues.map(function (issue) {
      var where = issue.line ? (lineLabel ? lineLabel(issue.line) : '第 ' + issue.line + ' 行') : '';
      return el('li', { class: 'issue' }, [
        where ? el('span', { class: 'issue-line', text: where + '：' }) : null,
        el('span', { text: String(issue.message || '') })
      ]);
    });
  }

  function errorLine(text) {
    return el('p', { class: 'message message-error', role: 'alert', text: text });
  }

  // ---------------------------------------------------------------- front matter

  function stripCR(line) {
    return line.charAt(line.length - 1) === '\r' ? line.slice(0, -1) : line;
  }

  /// A YAML scalar as written on one line: "json", 'single', or plain.
  /// null when it is something this form cannot edit.
  function yamlScalar(raw) {
    var v = raw.trim();
    var m;
    if (v === '') { return ''; }
    if (v.charAt(0) === '"') {
      m = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$/.exec(v);
      if (!m) { return null; }
      try { return JSON.parse('"' + m[1] + '"'); } catch (error) { return null; }
    }
    if (v.charAt(0) === '\'') {
      m = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(v);
      return m ? m[1].replace(/''/g, '\'') : null;
    }
    if (/^[[{>|&*!%@`]/.test(v)) { return null; }
    return v.replace(/\s+#.*$/, '');
  }

  /// `[a, "b", 'c']` → ['a', 'b', 'c']; null when not a one-line flow list.
  function yamlFlowList(raw) {
    var v = raw.trim().replace(/\s+#[^\]]*$/, '');
    if (v.charAt(0) !== '[' || v.charAt(v.length - 1) !== ']') { return null; }
    var inner = v.slice(1, -1);
    var items = [];
    var current = '';
    var quote = null;
    for (var i = 0; i < inner.length; i++) {
      var c = inner.charAt(i);
      if (quote) {
        current += c;
        if (quote === '"' && c === '\\') { current += inner.charAt(i + 1); i += 1; }
        else if (c === quote) { quote = null; }
      } else if (c === '"' || c === '\'') { quote = c; current += c; }
      else if (c === ',') { items.push(current); current = ''; }
      else { current += c; }
    }
    if (quote) { return null; }
    if (current.trim() !== '' || items.length > 0) { items.push(current); }
    var values = [];
    for (var j = 0; j < items.length; j++) {
      var value = yamlScalar(items[j]);
      if (value === null) { return null; }
      if (value !== '') { values.push(value); }
    }
    return values;
  }

  /// Splits an answer file into the fields the form edits, the front-matter
  /// lines it keeps as they are, and the Markdown body.
  function parseAnswer(text) {
    var lines = String(text || '').split('\n');
    var result = { fields: {}, locked: {}, extra: [], body: String(text || '') };
    if (stripCR(lines[0]) !== '---') { return result; }
    var end = -1;
    for (var i = 1; i < lines.length; i++) {
      if (stripCR(lines[i]) === '---') { end = i; break; }
    }
    if (end < 0) { return result; }
    result.body = lines.slice(end + 1).join('\n');
    var groups = [];
    var current = null;
    for (i = 1; i < end; i++) {
      var line = stripCR(lines[i]);
      var m = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*)|)$/.exec(line);
      if (m) {
        current = { key: m[1], value: m[2] || '', lines: [line] };
        groups.push(current);
      } else if (current && (/^[ \t]/.test(line) || /^-( |$)/.test(line) || line.trim() === '')) {
        current.lines.push(line);
      } else {
        current = null;
        groups.push({ key: null, lines: [line] });
      }
    }
    groups.forEach(function (group) {
      var key = group.key;
      var mapped = key && MAPPED_KEYS.indexOf(key) >= 0 && !(key in result.fields) && !result.locked[key];
      if (mapped) {
        var continuation = group.lines.slice(1).filter(function (l) { return l.trim() !== ''; });
        if (key === 'tags') {
          var list = null;
          if (continuation.length === 0) {
            list = group.value.trim() === '' ? [] : yamlFlowList(group.value);
          } else if (group.value.trim() === '' &&
                     continuation.every(function (l) { return /^\s*-\s+\S/.test(l); })) {
            list = continuation.map(function (l) { return yamlScalar(l.replace(/^\s*-\s+/, '')); });
            if (list.some(function (v) { return v === null; })) { list = null; }
          }
          if (list !== null) { result.fields.tags = list; return; }
        } else if (continuation.length === 0) {
          var value = yamlScalar(group.value);
          if (value !== null) { result.fields[key] = value; return; }
        }
        result.locked[key] = true;
      }
      group.lines.forEach(function (l) { result.extra.push(l); });
    });
    return result;
  }

  /// The answer file the form describes, and where each line came from
  /// (so findings can be told as "标题" or "正文第 3 行").
  function composeAnswer(f) {
    var lines = ['---'];
    var keyLines = {};
    function add(key, text) {
      if (f.locked[key]) { return; }
      lines.push(key + ': ' + text);
      keyLines[lines.length] = key;
    }
    add('id', f.id);
    add('title', JSON.stringify(f.title));
    add('category', f.category);
    add('updated', f.updated);
    add('visibility', f.visibility);
    if (f.tags.length > 0) { add('tags', '[' + f.tags.map(function (t) { return JSON.stringify(t); }).join(', ') + ']'); }
    f.extra.forEach(function (line) { lines.push(line); });
    lines.push('---');
    var body = f.body;
    if (body !== '' && body.charAt(body.length - 1) !== '\n') { body += '\n'; }
    return { markdown: lines.join('\n') + '\n' + body, bodyStart: lines.length + 1, keyLines: keyLines };
  }

  function splitTags(text) {
    var seen = {};
    return String(text).split(/[,，、;；]/).map(function (t) { return t.trim(); }).filter(function (t) {
      if (t === '' || seen[t]) { return false; }
      seen[t] = true;
      return true;
    });
  }

  // ---------------------------------------------------------------- chrome

  async function loadMe() {
    var result = await api('GET', '/api/me');
    if (!result.ok) {
      page('无法打开平台');
      main.appendChild(errorLine(errorText(result, '无法读取您的账号信息，请稍后刷新页面再试。')));
      return null;
    }
    state.me = result.data;
    state.csrf = result.data.csrf || null;
    return state.me;
  }

  function showChrome(me, path) {
    var who = document.getElementById('whoami');
    if (who) {
      who.textContent = '当前用户：' + (me.name || '') + (ROLE_NAMES[me.role] ? '（' + ROLE_NAMES[me.role] + '）' : '');
      who.hidden = false;
    }
    var nav = document.getElementById('console-nav');
    if (nav) { nav.hidden = false; }
    var current = { '/': 'nav-queue', '/mine': 'nav-mine', '/new': 'nav-new' }[path];
    ['nav-queue', 'nav-mine', 'nav-new'].forEach(function (id) {
      var link = document.getElementById(id);
      if (!link) { return; }
      if (id === current) { link.setAttribute('aria-current', 'page'); } else { link.removeAttribute('aria-current'); }
      if (me.role === 'reviewer' && id !== 'nav-queue') { link.parentNode.hidden = true; }
    });
    var logout = document.getElementById('logout');
    if (logout) {
      logout.addEventListener('click', async function () {
        logout.disabled = true;
        await api('DELETE', '/api/session');
        state.csrf = null;
        location.assign('/login');
      });
    }
  }

  // ---------------------------------------------------------------- /login

  function showLogin() {
    page('登录', '登录编辑审核平台');
    var name = el('input', {
      id: 'login-name', name: 'name', type: 'text', autocomplete: 'username',
      autocapitalize: 'off', spellcheck: 'false', required: true
    });
    var password = el('input', {
      id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true
    });
    var button = el('button', { id: 'login-submit', type: 'submit', class: 'button-primary', text: '登录' });
    var error = el('p', { id: 'login-error', class: 'message message-error', role: 'alert' });
    var form = el('form', { id: 'login-form', class: 'panel login-form', novalidate: true }, [
      el('div', { class: 'field' }, [el('label', { for: 'login-name', text: '用户名' }), name]),
      el('div', { class: 'field' }, [el('label', { for: 'login-password', text: '密码' }), password]),
      error,
      el('div', { class: 'actions' }, button)
    ]);
    main.appendChild(el('p', { class: 'lead', text: '请使用省12320中心为您开设的账号登录。' }));
    main.appendChild(form);
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      say(error, '');
      if (name.value.trim() === '' || password.value === '') {
        say(error, '请填写用户名和密码。');
        (name.value.trim() === '' ? name : password).focus();
        return;
      }
      button.disabled = true;
      button.textContent = '正在登录……';
      var result = await api('POST', '/api/session', { name: name.value.trim(), password: password.value });
      if (result.ok) {
        location.assign('/');
        return;
      }
      button.disabled = false;
      button.textContent = '登录';
      if (result.status === 401) { say(error, '用户名或密码错误'); }
      else if (result.status === 429) { say(error, '登录失败次数过多，请 15 分钟后再试'); }
      else { say(error, errorText(result, '登录没有成功，请稍后再试。')); }
      password.value = '';
      password.focus();
    });
    name.focus();
  }

  // ---------------------------------------------------------------- /

  function select(id, labelText, options, value) {
    var control = el('select', { id: id, name: id }, options.map(function (option) {
      return el('option', { value: option[0], text: option[1] });
    }));
    control.value = value;
    if (control.value !== value && options.length > 0) { control.value = options[0][0]; }
    return { control: control, field: el('div', { class: 'field' }, [el('label', { for: id, text: labelText }), control]) };
  }

  async function showQueue() {
    page('待审队列');
    var params = new URLSearchParams(location.search);
    var me = state.me;
    var cityOptions = [['', '全部'], ['province', '全省']].concat((me.cities || []).map(function (city) {
      return [city.abbr, city.name];
    }));
    var statusOptions = STATUS_ORDER.map(function (s) { return [s, STATUS_NAMES[s]]; }).concat([['', '全部']]);
    var ageOptions = [['', '全部'], ['86400', '超过 1 天'], ['259200', '超过 3 天']];
    var city = select('filter-city', '城市', cityOptions, params.get('city') || '');
    var status = select('filter-status', '状态', statusOptions, params.has('status') ? params.get('status') : 'awaiting');
    var age = select('filter-age', '等待时间', ageOptions, params.get('age') || '');
    var form = el('form', { id: 'queue-filters', class: 'panel filters', role: 'search', 'aria-label': '筛选答复' },
      [city.field, status.field, age.field]);
    var counts = el('ul', { id: 'queue-counts', class: 'counts' });
    var info = el('p', { id: 'queue-status', class: 'message', role: 'status' });
    var list = el('ul', { id: 'queue-list', class: 'item-list' });
    main.appendChild(form);
    main.appendChild(counts);
    main.appendChild(info);
    main.appendChild(list);
    form.addEventListener('submit', function (event) { event.preventDefault(); });

    var sequence = 0;
    async function load() {
      var mine = ++sequence;
      var query = new URLSearchParams();
      if (city.control.value) { query.set('city', city.control.value); }
      if (status.control.value) { query.set('status', status.control.value); }
      if (age.control.value) { query.set('age', age.control.value); }
      var address = new URLSearchParams(query);
      if (!status.control.value) { address.set('status', ''); }
      var search = address.toString();
      history.replaceState(null, '', '/' + (search ? '?' + search : ''));
      say(info, '正在加载……');
      var q = query.toString();
      var result = await api('GET', '/api/queue' + (q ? '?' + q : ''));
      if (mine !== sequence) { return; }
      clear(list);
      clear(counts);
      if (!result.ok) {
        say(info, '');
        list.appendChild(el('li', { class: 'item' }, errorLine(errorText(result, '无法加载待审队列，请稍后刷新页面再试。'))));
        return;
      }
      var items = Array.isArray(result.data.items) ? result.data.items : [];
      var numbers = result.data.counts || {};
      var total = 0;
      STATUS_ORDER.forEach(function (s) {
        var n = Number(numbers[s] || 0);
        total += n;
        counts.appendChild(el('li', { class: 'count status-count-' + s }, [
          statusBadge(s), ' ', el('strong', { text: String(n) }), ' 条'
        ]));
      });
      Array.prototype.forEach.call(status.control.options, function (option) {
        var base = option.value ? STATUS_NAMES[option.value] : '全部';
        var n = option.value ? Number(numbers[option.value] || 0) : total;
        option.textContent = base + '（' + n + '）';
      });
      say(info, items.length === 0 ? '' : '共 ' + items.length + ' 条答复');
      if (items.length === 0) {
        list.appendChild(el('li', { id: 'queue-empty', class: 'item empty', text: '当前筛选条件下没有答复。' }));
        return;
      }
      items.forEach(function (item) {
        list.appendChild(el('li', { class: 'item queue-item' }, [
          el('a', { class: 'item-title', href: answerLink('/review', item.answer), text: item.title || item.answer }),
          el('p', { class: 'item-meta' }, itemMeta(item).concat([
            el('span', { class: 'meta-part', text: '提交人：' + (item.submitter || '尚未提交') }),
            el('span', { class: 'meta-part', text: '等待：' + humanAge(item.age_s) })
          ]))
        ]));
      });
    }
    [city.control, status.control, age.control].forEach(function (control) {
      control.addEventListener('change', load);
    });
    await load();
  }

  // ---------------------------------------------------------------- /review/{scope}/{id}

  /// One line of Markdown source with its findings marked.
  function markedLine(text, findings) {
    var ranges = [];
    findings.forEach(function (finding) {
      var term = finding.term ? String(finding.term) : '';
      var points = Array.from(text);
      var column = Math.max(1, Number(finding.column) || 1);
      var start = points.slice(0, column - 1).join('').length;
      var length;
      if (term && text.substr(start, term.length) === term) {
        length = term.length;
      } else if (term && text.indexOf(term) >= 0) {
        start = text.indexOf(term);
        length = term.length;
      } else {
        var size = term ? Array.from(term).length : 1;
        length = points.slice(column - 1, column - 1 + size).join('').length;
      }
      if (start < text.length && length > 0) {
        ranges.push({ start: start, end: Math.min(text.length, start + length), finding: finding });
      }
    });
    ranges.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range.start < last.end) {
        last.end = Math.max(last.end, range.end);
        if ((SEVERITY_RANK[range.finding.severity] || 0) > (SEVERITY_RANK[last.severity] || 0)) {
          last.severity = range.finding.severity;
        }
        last.titles.push(findingText(range.finding));
      } else {
        merged.push({ start: range.start, end: range.end, severity: range.finding.severity, titles: [findingText(range.finding)] });
      }
    });
    var node = el('span', { class: 'line-text' });
    var at = 0;
    merged.forEach(function (range) {
      if (range.start > at) { node.appendChild(document.createTextNode(text.slice(at, range.start))); }
      node.appendChild(el('mark', {
        class: 'finding-mark severity-' + (SEVERITY_NAMES[range.severity] ? range.severity : 'info'),
        title: range.titles.join('；'),
        text: text.slice(range.start, range.end)
      }));
      at = range.end;
    });
    if (at < text.length) { node.appendChild(document.createTextNode(text.slice(at))); }
    if (text === '') { node.appendChild(document.createTextNode('\u00a0')); }
    return node;
  }

  function findingItem(finding, withLine) {
    return el('li', { class: 'finding severity-' + (SEVERITY_NAMES[finding.severity] ? finding.severity : 'info') }, [
      severityBadge(finding.severity), ' ',
      withLine && finding.line ? el('a', { class: 'finding-line', href: '#L' + finding.line, text: '第 ' + finding.line + ' 行' }) : null,
      withLine && finding.line ? ' ' : null,
      el('span', { class: 'finding-text', text: findingText(finding) })
    ]);
  }

  function sourceView(markdown, findings) {
    var lines = String(markdown || '').split('\n').map(stripCR);
    if (lines.length > 1 && lines[lines.length - 1] === '') { lines.pop(); }
    var byLine = {};
    findings.forEach(function (finding) {
      var n = Number(finding.line) || 0;
      (byLine[n] = byLine[n] || []).push(finding);
    });
    var list = el('ol', { id: 'source', class: 'source-lines' });
    lines.forEach(function (text, index) {
      var n = index + 1;
      var here = sortFindings(byLine[n] || []);
      var worst = here.reduce(function (w, f) {
        return (SEVERITY_RANK[f.severity] || 0) > (SEVERITY_RANK[w] || 0) ? f.severity : w;
      }, '');
      list.appendChild(el('li', { id: 'L' + n, class: 'source-line' + (worst ? ' has-finding line-' + worst : '') }, [
        el('span', { class: 'line-number', text: String(n) }),
        markedLine(text, here),
        here.length ? el('ul', { class: 'line-findings' }, here.map(function (f) { return findingItem(f, false); })) : null
      ]));
    });
    return list;
  }

  function diffView(diff) {
    var box = el('div', { id: 'diff', class: 'diff' });
    diff.forEach(function (line) {
      line = String(line);
      var sign = line.charAt(0);
      var kind = sign === '+' ? 'add' : sign === '-' ? 'del' : 'same';
      var spoken = { add: '增加：', del: '删除：', same: '' }[kind];
      box.appendChild(el('div', { class: 'diff-line diff-' + kind }, [
        spoken ? el('span', { class: 'visually-hidden', text: spoken }) : null,
        el('span', { class: 'diff-sign', 'aria-hidden': 'true', text: kind === 'same' ? ' ' : sign }),
        el('span', { class: 'diff-text', text: line.slice(1) === '' ? '\u00a0' : line.slice(1) })
      ]));
    });
    return box;
  }

  function historyView(entries) {
    if (!entries.length) { return el('p', { id: 'history-empty', class: 'empty', text: '还没有提交或审核记录。' }); }
    return el('ol', { id: 'history', class: 'history' }, entries.map(function (entry) {
      return el('li', { class: 'history-entry decision-' + String(entry.decision || '') }, [
        el('p', { class: 'history-head' }, [
          el('time', { datetime: entry.time || null, text: chinaTime(entry.time) }),
          el('span', { class: 'history-person', text: String(entry.person || '') }),
          el('span', { class: 'badge decision-badge decision-badge-' + String(entry.decision || ''),
            text: DECISION_NAMES[entry.decision] || String(entry.decision || '') }),
          el('span', { class: 'history-text' + (entry.this_text ? ' this-text' : ''),
            text: entry.this_text ? '本文本' : '较早的文本' }),
          entry.counts === false ? el('span', { class: 'badge history-void', text: '无效（签名人无权作此决定）' }) : null
        ]),
        entry.note ? el('p', { class: 'history-note', text: String(entry.note) }) : null
      ]);
    }));
  }

  async function showReview(scope, id, message) {
    var result = await api('GET', answerPath(scope, id));
    if (!result.ok) {
      page(result.status === 404 ? '找不到这条答复' : '无法打开这条答复');
      main.appendChild(errorLine(errorText(result, result.status === 404 ? '没有编号为“' + id + '”的答复，可能已被删除或改名。' : undefined)));
      main.appendChild(el('p', {}, el('a', { href: '/', text: '返回待审队列' })));
      return;
    }
    var data = result.data;
    var findings = sortFindings(Array.isArray(data.findings) ? data.findings : []);
    var entries = Array.isArray(data.history) ? data.history : [];
    var diff = Array.isArray(data.diff) ? data.diff : [];
    var h1 = page('审核：' + (data.title || id), data.title || id);
    h1.id = 'answer-title';

    main.appendChild(el('p', { class: 'answer-summary' }, [
      statusBadge(data.status),
      el('span', { class: 'meta-part', text: scopeName(scope) + ' · ' + id }),
      state.me.role !== 'reviewer'
        ? el('a', { class: 'meta-part', href: answerLink('/edit', scope + '/' + id), text: '编辑这条答复' }) : null
    ]));
    if (data.reason) { main.appendChild(el('p', { id: 'status-reason', class: 'message message-note', text: '状态说明：' + data.reason })); }

    main.appendChild(el('section', { class: 'panel', 'aria-labelledby': 'preview-heading' }, [
      el('h2', { id: 'preview-heading', text: '网站显示效果' }),
      (function () {
        var box = el('div', { id: 'preview', class: 'preview-box' });
        box.innerHTML = data.preview_html || '';
        return box;
      })()
    ]));

    main.appendChild(el('section', { class: 'panel', 'aria-labelledby': 'findings-heading' }, [
      el('h2', { id: 'findings-heading', text: '审核发现（' + findings.length + ' 项）' }),
      findings.length
        ? el('ul', { id: 'findings', class: 'findings' }, findings.map(function (f) { return findingItem(f, true); }))
        : el('p', { class: 'empty', text: '审核程序没有发现问题。' })
    ]));

    main.appendChild(el('section', { class: 'panel', 'aria-labelledby': 'source-heading' }, [
      el('h2', { id: 'source-heading', text: 'Markdown 原文' }),
      sourceView(data.markdown, findings)
    ]));

    if (diff.length) {
      main.appendChild(el('section', { class: 'panel', 'aria-labelledby': 'diff-heading' }, [
        el('h2', { id: 'diff-heading', text: '与已批准版本的差异' }),
        diffView(diff)
      ]));
    }

    main.appendChild(el('section', { class: 'panel', 'aria-labelledby': 'history-heading' }, [
      el('h2', { id: 'history-heading', text: '提交和审核记录' }),
      historyView(entries)
    ]));

    if (state.me.role !== 'editor') { main.appendChild(decisionForm(scope, id, data, findings, message)); }
  }

  function decisionForm(scope, id, data, findings, message) {
    var note = el('textarea', { id: 'note', name: 'note', rows: '4', 'aria-describedby': 'note-hint' });
    var approve = el('button', { id: 'approve', type: 'button', class: 'button-primary', text: '批准' });
    var reject = el('button', { id: 'reject', type: 'button', class: 'button-danger', text: '退回' });
    var error = el('p', { id: 'decision-error', class: 'message message-error', role: 'alert' });
    var done = el('p', { id: 'decision-status', class: 'message message-ok', role: 'status', text: message || '' });
    var form = el('form', { id: 'decision-form', class: 'panel decision', 'aria-labelledby': 'decision-heading' }, [
      el('h2', { id: 'decision-heading', text: '审核决定' }),
      el('div', { class: 'field' }, [
        el('label', { for: 'note', text: '审核意见' }),
        note,
        el('p', { id: 'note-hint', class: 'hint', text: '退回时必须填写审核意见；答复有审核发现时，批准也必须填写。' })
      ]),
      data.status === 'blocked' ? el('p', { class: 'message message-note', text: '这条答复含有禁止发布的内容，不能批准，只能退回。' }) : null,
      error,
      done,
      el('div', { class: 'actions' }, [approve, reject])
    ]);
    form.addEventListener('submit', function (event) { event.preventDefault(); });

    async function decide(decision) {
      say(error, '');
      say(done, '');
      var text = note.value.trim();
      if (!text && decision === 'rejected') { say(error, '退回时请填写审核意见，说明需要怎样修改。'); note.focus(); return; }
      if (!text && decision === 'approved' && findings.length > 0) {
        say(error, '这条答复有审核发现，批准时请填写审核意见。');
        note.focus();
        return;
      }
      approve.disabled = true;
      reject.disabled = true;
      var result = await api('POST', answerPath(scope, id) + '/decision', { decision: decision, note: text, sha256: data.sha256 });
      if (result.ok) {
        await showReview(scope, id, decision === 'approved' ? '已批准' : '已退回');
        return;
      }
      approve.disabled = false;
      reject.disabled = false;
      say(error, errorText(result));
    }
    approve.addEventListener('click', function () { decide('approved'); });
    reject.addEventListener('click', function () { decide('rejected'); });
    return form;
  }

  // ---------------------------------------------------------------- /edit/{scope}/{id} and /new

  async function showEditor(target) {
    var me = state.me;
    var isNew = !target;
    var loaded = null;
    var parsed = { fields: {}, locked: {}, extra: [], body: '' };
    if (!isNew) {
      var result = await api('GET', answerPath(target.scope, target.id));
      if (!result.ok) {
        page(result.status === 404 ? '找不到这条答复' : '无法打开这条答复');
        main.appendChild(errorLine(errorText(result, result.status === 404 ? '没有编号为“' + target.id + '”的答复。' : undefined)));
        main.appendChild(el('p', {}, el('a', { href: '/mine', text: '返回我的答复' })));
        return;
      }
      loaded = result.data;
      parsed = parseAnswer(loaded.markdown);
    }
    var sha = loaded ? loaded.sha256 : null;
    var savedMarkdown = loaded ? String(loaded.markdown || '') : null;
    var edits = 0;
    var savedEdits = 0;
    var busy = false;

    page(isNew ? '新建答复' : '编辑答复：' + (parsed.fields.title || target.id), isNew ? '新建答复' : '编辑答复');

    var fields = [];
    var scopeControl = null;
    var idControl = null;
    if (isNew) {
      var scopes = Array.isArray(me.scopes) ? me.scopes : [];
      scopeControl = el('select', { id: 'scope', name: 'scope' }, scopes.map(function (s) {
        return el('option', { value: s, text: scopeName(s) });
      }));
      idControl = el('input', {
        id: 'answer-id', name: 'answer-id', type: 'text', required: true, autocapitalize: 'off', spellcheck: 'false',
        pattern: '[a-z0-9]+(-[a-z0-9]+)*', 'aria-describedby': 'answer-id-hint'
      });
      fields.push(el('div', { class: 'field' }, [el('label', { for: 'scope', text: '范围' }), scopeControl]));
      fields.push(el('div', { class: 'field' }, [
        el('label', { for: 'answer-id', text: '编号' }), idControl,
        el('p', { id: 'answer-id-hint', class: 'hint', text: '用于网页地址，只能使用小写英文字母、数字和连字符（-），例如 flu-vaccine。保存后不能修改。' })
      ]));
    }

    var title = el('input', { id: 'title', name: 'title', type: 'text', required: true, value: parsed.fields.title || '' });
    var categories = Array.isArray(me.categories) ? me.categories : [];
    var categoryOptions = categories.map(function (c) { return el('option', { value: c.key, text: c.name || c.key }); });
    var currentCategory = parsed.fields.category || '';
    if (currentCategory && !categories.some(function (c) { return c.key === currentCategory; })) {
      categoryOptions.push(el('option', { value: currentCategory, text: currentCategory + '（不在分类表中）' }));
    }
    if (!currentCategory) { categoryOptions.unshift(el('option', { value: '', text: '请选择分类' })); }
    var category = el('select', { id: 'category', name: 'category', value: currentCategory }, categoryOptions);
    var updated = el('input', { id: 'updated', name: 'updated', type: 'date', required: true, value: parsed.fields.updated || today() });
    var tags = el('input', {
      id: 'tags', name: 'tags', type: 'text', 'aria-describedby': 'tags-hint',
      value: (parsed.fields.tags || []).join('、')
    });
    var visibility = el('select', { id: 'visibility', name: 'visibility', 'aria-describedby': 'visibility-hint' }, [
      el('option', { value: 'public', text: '公开' }),
      el('option', { value: 'private', text: '私人' })
    ]);
    var visibilityValue = parsed.fields.visibility || 'public';
    if (visibilityValue !== 'public' && visibilityValue !== 'private') {
      visibility.appendChild(el('option', { value: visibilityValue, text: visibilityValue }));
    }
    visibility.value = visibilityValue;
    var body = el('textarea', { id: 'body', name: 'body', rows: '16', required: true, spellcheck: 'false', 'aria-describedby': 'body-hint' });
    body.value = parsed.body.replace(/^\n/, '');

    // Fields whose front-matter line the form cannot edit keep it as written.
    var lockedControls = { title: title, category: category, updated: updated, visibility: visibility, tags: tags };
    Object.keys(parsed.locked).forEach(function (key) {
      if (lockedControls[key]) { lockedControls[key].disabled = true; }
    });

    fields.push(el('div', { class: 'field field-wide' }, [el('label', { for: 'title', text: '标题' }), title]));
    fields.push(el('div', { class: 'field' }, [el('label', { for: 'category', text: '分类' }), category]));
    fields.push(el('div', { class: 'field' }, [el('label', { for: 'updated', text: '更新日期' }), updated]));
    fields.push(el('div', { class: 'field' }, [
      el('label', { for: 'tags', text: '标签' }), tags,
      el('p', { id: 'tags-hint', class: 'hint', text: '多个标签用逗号或顿号（、）分隔。' })
    ]));
    fields.push(el('div', { class: 'field' }, [
      el('label', { for: 'visibility', text: '公开/私人' }), visibility,
      el('p', { id: 'visibility-hint', class: 'hint', text: '私人答复只发给来电人，不在网站上发布。' })
    ]));
    if (Object.keys(parsed.locked).length > 0) {
      fields.push(el('p', { class: 'message message-note field-wide', text:
        '这条答复的' + Object.keys(parsed.locked).map(function (k) { return FIELD_NAMES[k] || k; }).join('、') +
        '写法较特殊，这里不能修改，保存时会原样保留。' }));
    }
    fields.push(el('div', { class: 'field field-wide' }, [
      el('label', { for: 'body', text: '答复正文（Markdown）' }), body,
      el('p', { id: 'body-hint', class: 'hint', text: '空一行开始新段落；**文字** 为加粗；以“- ”开头的行为列表。' })
    ]));

    var save = el('button', { id: 'save', type: 'submit', class: 'button-primary', text: '保存' });
    var submit = el('button', { id: 'submit', type: 'button', class: 'button-secondary', text: '提交审核' });
    var formError = el('p', { id: 'form-error', class: 'message message-error', role: 'alert' });
    var formIssues = el('ul', { id: 'form-issues', class: 'issues' });
    var formStatus = el('p', { id: 'form-status', class: 'message message-ok', role: 'status' });
    var statusLine = el('p', { id: 'answer-status', class: 'answer-summary' });

    var form = el('form', { id: 'answer-form', class: 'panel answer-form', novalidate: true }, [
      el('div', { class: 'fields' }, fields),
      formError,
      formIssues,
      formStatus,
      el('div', { class: 'actions' }, [save, submit])
    ]);

    var preview = el('div', { id: 'live-preview', class: 'preview-box' });
    var liveFindings = el('ul', { id: 'live-findings', class: 'findings' });
    var liveIssues = el('ul', { id: 'live-issues', class: 'issues' });
    var liveStatus = el('p', { id: 'live-status', class: 'hint', role: 'status' });
    var side = el('div', { class: 'editor-side' }, [
      el('section', { class: 'panel', 'aria-labelledby': 'live-findings-heading' }, [
        el('h2', { id: 'live-findings-heading', text: '审核发现' }),
        liveStatus,
        liveFindings,
        liveIssues
      ]),
      el('section', { class: 'panel', 'aria-labelledby': 'live-preview-heading' }, [
        el('h2', { id: 'live-preview-heading', text: '网站显示效果' }),
        preview
      ])
    ]);

    main.appendChild(statusLine);
    main.appendChild(el('div', { class: 'editor-layout' }, [form, side]));

    function showStatus(status) {
      clear(statusLine);
      if (!target) {
        statusLine.appendChild(el('span', { class: 'meta-part', text: '尚未保存' }));
        return;
      }
      append(statusLine, [
        status ? statusBadge(status) : null,
        el('span', { class: 'meta-part', text: scopeName(target.scope) + ' · ' + target.id }),
        el('a', { class: 'meta-part', href: answerLink('/review', target.scope + '/' + target.id), text: '查看审核页面' })
      ]);
    }
    showStatus(loaded ? loaded.status : null);

    function currentScope() { return target ? target.scope : (scopeControl ? scopeControl.value : ''); }
    function currentId() { return target ? target.id : (idControl ? idControl.value.trim() : ''); }

    function composed() {
      return composeAnswer({
        id: currentId(),
        title: title.value.trim(),
        category: category.value,
        updated: updated.value,
        visibility: visibility.value,
        tags: splitTags(tags.value),
        body: body.value,
        extra: parsed.extra,
        locked: parsed.locked
      });
    }

    /// "标题", "正文第 3 行": where a line of the composed file is on the form.
    function lineLabel(file) {
      return function (line) {
        if (line >= file.bodyStart) { return '正文第 ' + (line - file.bodyStart + 1) + ' 行'; }
        var key = file.keyLines[line];
        if (key && FIELD_NAMES[key]) { return FIELD_NAMES[key]; }
        return '文件头第 ' + line + ' 行';
      };
    }

    function renderFindings(list, findings, label) {
      clear(list);
      sortFindings(findings).forEach(function (finding) {
        list.appendChild(el('li', { class: 'finding severity-' + (SEVERITY_NAMES[finding.severity] ? finding.severity : 'info') }, [
          severityBadge(finding.severity), ' ',
          finding.line ? el('span', { class: 'finding-line', text: label(finding.line) }) : null,
          finding.line ? ' ' : null,
          el('span', { class: 'finding-text', text: findingText(finding) })
        ]));
      });
    }

    var timer = null;
    var previewSequence = 0;
    async function runPreview() {
      timer = null;
      var scope = currentScope();
      if (!scope) { return; }
      var mine = ++previewSequence;
      var file = composed();
      say(liveStatus, '正在检查……');
      var result = await api('POST', '/api/preview', { scope: scope, markdown: file.markdown });
      if (mine !== previewSequence) { return; }
      if (!result.ok) {
        say(liveStatus, errorText(result, '暂时无法预览，请稍后再试。'));
        return;
      }
      var found = Array.isArray(result.data.findings) ? result.data.findings : [];
      var issues = Array.isArray(result.data.issues) ? result.data.issues : [];
      preview.innerHTML = result.data.preview_html || '';
      renderFindings(liveFindings, found, lineLabel(file));
      clear(liveIssues);
      append(liveIssues, issueItems(issues, lineLabel(file)));
      var blocked = found.some(function (f) { return f.severity === 'block'; });
      var words = [];
      words.push(found.length ? '发现 ' + found.length + ' 处需要注意的内容' + (blocked ? '，其中有禁止发布的内容，必须删除。' : '，提交后由审核员决定。')
        : '没有发现需要审核的内容。');
      if (issues.length) { words.push('文件格式有 ' + issues.length + ' 个问题，保存前请改正。'); }
      say(liveStatus, words.join(''));
    }
    function schedulePreview() {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(runPreview, 400);
    }

    function changed() {
      edits += 1;
      say(formStatus, '');
      schedulePreview();
    }
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);

    function setBusy(value) {
      busy = value;
      save.disabled = value;
      submit.disabled = value;
    }

    function problem() {
      if (!target) {
        if (!currentScope()) { return [scopeControl, '请选择范围。']; }
        if (!ID_PATTERN.test(currentId())) {
          return [idControl, '请填写编号：只能使用小写英文字母、数字和连字符（-），且不能以连字符开头或结尾。'];
        }
      }
      if (!parsed.locked.title && title.value.trim() === '') { return [title, '请填写标题。']; }
      if (!parsed.locked.category && !category.value) { return [category, '请选择分类。']; }
      if (!parsed.locked.updated && !/^\d{4}-\d{2}-\d{2}$/.test(updated.value)) { return [updated, '请填写更新日期。']; }
      if (body.value.trim() === '') { return [body, '请填写答复正文。']; }
      return null;
    }

    /// Saves when there is something to save; true when the answer on the
    /// server is now what the form shows.
    async function saveAnswer(quiet) {
      say(formError, '');
      clear(formIssues);
      var wrong = problem();
      if (wrong) {
        say(formError, wrong[1]);
        wrong[0].focus();
        return false;
      }
      var file = composed();
      if (sha && (edits === savedEdits || file.markdown === savedMarkdown)) {
        if (!quiet) { say(formStatus, '没有需要保存的修改。'); }
        return true;
      }
      var scope = currentScope();
      var id = currentId();
      var editsAtStart = edits;
      say(formStatus, '正在保存……');
      var result = await api('PUT', answerPath(scope, id), { markdown: file.markdown }, { 'If-Match': sha || 'new' });
      say(formStatus, '');
      if (result.ok) {
        sha = result.data.sha256 || sha;
        savedMarkdown = file.markdown;
        savedEdits = editsAtStart;
        if (!target) {
          target = { scope: scope, id: id };
          scopeControl.disabled = true;
          idControl.readOnly = true;
          history.replaceState(null, '', answerLink('/edit', scope + '/' + id));
          document.title = '编辑答复：' + title.value.trim() + ' - ' + SITE_NAME;
        }
        showStatus(result.data.status);
        if (Array.isArray(result.data.findings)) { renderFindings(liveFindings, result.data.findings, lineLabel(file)); }
        say(formStatus, '已保存');
        return true;
      }
      if (result.status === 409) {
        say(formError, sha ? '这条答复已被他人修改，请刷新后再编辑' : '已经有编号为“' + id + '”的答复了，请换一个编号。');
      } else if (result.status === 422) {
        say(formError, errorText(result, '答复的格式有问题，请按下面的提示修改后再保存。'));
        append(formIssues, issueItems(Array.isArray(result.data.issues) ? result.data.issues : [], lineLabel(file)));
      } else if (result.status === 403) {
        say(formError, errorText(result, '您没有修改这个范围的答复的权限。'));
      } else {
        say(formError, errorText(result, '保存没有成功，请稍后再试。'));
      }
      return false;
    }

    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      if (busy) { return; }
      setBusy(true);
      try { await saveAnswer(false); } finally { setBusy(false); }
    });

    submit.addEventListener('click', async function () {
      if (busy) { return; }
      setBusy(true);
      try {
        if (!(await saveAnswer(true))) { return; }
        say(formStatus, '正在提交……');
        var result = await api('POST', answerPath(target.scope, target.id) + '/submit', { sha256: sha });
        say(formStatus, '');
        if (result.ok) {
          sha = result.data.sha256 || sha;
          say(formStatus, '已提交审核');
          var again = await api('GET', answerPath(target.scope, target.id));
          if (again.ok) { showStatus(again.data.status); }
        } else {
          say(formError, errorText(result, '提交审核没有成功，请稍后再试。'));
        }
      } finally {
        setBusy(false);
      }
    });

    runPreview();
  }

  // ---------------------------------------------------------------- /mine

  async function showMine() {
    page('我的答复');
    main.appendChild(el('p', { class: 'actions' }, el('a', { class: 'button-link', href: '/new', text: '新建答复' })));
    var info = el('p', { id: 'mine-status', class: 'message', role: 'status', text: '正在加载……' });
    var list = el('ul', { id: 'mine-list', class: 'item-list' });
    main.appendChild(info);
    main.appendChild(list);
    var result = await api('GET', '/api/queue');
    say(info, '');
    if (!result.ok) {
      main.appendChild(errorLine(errorText(result, '无法加载答复列表，请稍后刷新页面再试。')));
      return;
    }
    var items = Array.isArray(result.data.items) ? result.data.items.slice() : [];
    items.sort(function (a, b) {
      return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        String(a.answer).localeCompare(String(b.answer));
    });
    if (!items.length) {
      list.appendChild(el('li', { id: 'mine-empty', class: 'item empty', text: '您负责的范围里还没有答复。' }));
      return;
    }
    say(info, '共 ' + items.length + ' 条答复');
    items.forEach(function (item) {
      list.appendChild(el('li', { class: 'item' }, [
        el('a', { class: 'item-title', href: answerLink('/edit', item.answer), text: item.title || item.answer }),
        el('p', { class: 'item-meta' }, itemMeta(item).concat([
          el('a', { class: 'meta-part', href: answerLink('/review', item.answer), text: '审核页面' })
        ]))
      ]));
    });
  }

  /// What the queue and the editor's list show of every answer: status, scope and id, findings.
  function itemMeta(item) {
    var parts = String(item.answer || '').split('/');
    return [
      statusBadge(item.status),
      el('span', { class: 'meta-part', text: scopeName(parts[0]) + ' · ' + (parts.slice(1).join('/') || '') }),
      el('span', {
        class: 'meta-part' + (item.findings > 0 ? ' has-findings' : ''),
        text: item.findings > 0 ? '审核发现 ' + item.findings + ' 项' : '无审核发现'
      })
    ];
  }

  // ---------------------------------------------------------------- router

  function decode(part) {
    try { return decodeURIComponent(part); } catch (error) { return part; }
  }

  async function start() {
    if (!main) { return; }
    var path = location.pathname.replace(/\/+$/, '') || '/';
    if (path === '/login') { showLogin(); return; }
    var me = await loadMe();
    if (!me) { return; }
    showChrome(me, path);
    var m;
    if (path === '/') { await showQueue(); return; }
    if ((m = /^\/review\/([^/]+)\/([^/]+)$/.exec(path))) { await showReview(decode(m[1]), decode(m[2])); return; }
    if ((m = /^\/edit\/([^/]+)\/([^/]+)$/.exec(path))) { await showEditor({ scope: decode(m[1]), id: decode(m[2]) }); return; }
    if (path === '/new') { await showEditor(null); return; }
    if (path === '/mine') { await showMine(); return; }
    page('找不到这个页面');
    main.appendChild(el('p', {}, ['您打开的地址不存在。', el('a', { href: '/', text: '返回待审队列' })]));
  }

  // Outside a browser (a test of the front-matter handling under Node), only the pure functions.
  if (typeof module === 'object' && module.exports) {
    module.exports = {
      parseAnswer: parseAnswer, composeAnswer: composeAnswer, splitTags: splitTags,
      humanAge: humanAge, chinaTime: chinaTime
    };
    return;
  }
  main = document.getElementById('main');
  start();
}());
