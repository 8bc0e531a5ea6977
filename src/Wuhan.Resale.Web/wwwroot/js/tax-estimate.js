// 税费估算: follows the price, the two questions and 第六条 as they change, by asking the server for the figures of
// what is typed now (the rules live in one place, the server's policy table). The page renders the same figures
// itself on every load, so without this script the estimate is simply the one of the last render.
(function () {
    'use strict';
    var panel = document.getElementById('tax-estimate');
    var figures = document.getElementById('tax-estimate-figures');
    var form = document.getElementById('contract-form');
    if (!panel || !figures || !form || !window.fetch) { return; }

    var url = panel.getAttribute('data-estimate-url');
    var names = ['Price', 'BuyerFirstHome', 'SellerOnlyHome', 'TaxBearer'];
    var timer = null;
    var latest = 0;

    function valueOf(name) {
        var field = form.elements.namedItem(name);
        return field && 'value' in field ? field.value : '';
    }

    function refresh() {
        var query = names.map(function (name) {
            return encodeURIComponent(name.charAt(0).toLowerCase() + name.slice(1)) + '=' + encodeURIComponent(valueOf(name));
        }).join('&');
        var ticket = ++latest;
        fetch(url + '?' + query, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                // An older answer arriving after a newer one is dropped.
                if (html !== null && ticket === latest) { figures.innerHTML = html; }
            })
            .catch(function () { /* keep the last figures; the next change tries again */ });
    }

    function schedule() {
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(refresh, 300);
    }

    names.forEach(function (name) {
        var field = form.elements.namedItem(name);
        if (!field || !field.addEventListener) { return; }
        field.addEventListener('input', schedule);
        field.addEventListener('change', schedule);
    });
}());
