// 填写合同: shows the 大写 of the price while it is typed. The server works it out again on every page it renders
// (Money.ToChineseCapitals) and never reads a posted one, so this only saves a round trip.
(function () {
    'use strict';
    var price = document.getElementById('Price');
    var output = document.getElementById('PriceInCapitals');
    if (!price || !output) { return; }

    var DIGITS = '零壹贰叁肆伍陆柒捌玖';
    var UNITS = ['仟', '佰', '拾', ''];
    var SECTIONS = ['亿', '万', ''];
    var MAX_CENTS = 99999999999999; // 999,999,999,999.99 yuan
    var EMPTY = '（填写小写金额后自动生成）';

    // Full-width digits and thousands separators are accepted as the server accepts them.
    function toCents(text) {
        var t = text.replace(/[０-９．，]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
            .replace(/[,\s]/g, '');
        var m = /^\+?(\d+)(?:\.(\d{0,2})0*)?$/.exec(t);
        if (!m) { return null; }
        var yuan = m[1].replace(/^0+(?=\d)/, '');
        if (yuan.length > 12) { return null; }
        var cents = Number(yuan) * 100 + Number(((m[2] || '') + '00').slice(0, 2));
        return cents <= MAX_CENTS ? cents : null;
    }

    function yuanPart(yuan) {
        var sections = [Math.floor(yuan / 1e8), Math.floor(yuan / 1e4) % 1e4, yuan % 1e4];
        var out = '';
        var written = false;
        var zeroPending = false;
        for (var s = 0; s < 3; s++) {
            if (sections[s] === 0) { zeroPending = zeroPending || written; continue; }
            for (var p = 0, d = 1000; p < 4; p++, d /= 10) {
                var digit = Math.floor(sections[s] / d) % 10;
                if (digit === 0) { zeroPending = zeroPending || written; continue; }
                if (zeroPending) { out += '零'; zeroPending = false; }
                out += DIGITS.charAt(digit) + UNITS[p];
                written = true;
            }
            out += SECTIONS[s];
        }
        return out;
    }

    function capitals(cents) {
        var yuan = Math.floor(cents / 100);
        var jiao = Math.floor(cents % 100 / 10);
        var fen = cents % 10;
        if (cents === 0) { return '零元整'; }
        var out = yuan > 0 ? yuanPart(yuan) + '元' : '';
        if (cents % 100 === 0) { return out + '整'; }
        if (jiao > 0) { out += DIGITS.charAt(jiao) + '角'; }
        if (fen > 0) { out += (jiao === 0 && out.length > 0 ? '零' : '') + DIGITS.charAt(fen) + '分'; }
        return out;
    }

    function update() {
        var text = price.value.trim();
        if (text === '') { output.textContent = EMPTY; return; }
        var cents = toCents(text);
        output.textContent = cents === null ? '（请填写正确的金额）' : capitals(cents);
    }

    price.addEventListener('input', update);
})();
