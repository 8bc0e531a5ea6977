// 填写合同: shows the 大写 of the price while it is typed, the 万元 reading of every amount, the blanks that apply to
// the choices made, and who holds a copy. The server works all of it out again on every page it renders and never
// reads a posted 大写, so this only saves a round trip; the form works the same without it.
(function () {
    'use strict';
    var price = document.getElementById('Price');
    var output = document.getElementById('PriceInCapitals');

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

    if (price && output) { price.addEventListener('input', update); }

    // 1,280,000.00 and 合128万元, as the server renders them.
    function withSeparators(cents) {
        var yuan = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        return yuan + '.' + ('0' + cents % 100).slice(-2);
    }

    function tenThousands(cents) {
        if (cents === null || cents <= 0) { return ''; }
        var wan = cents / 1e6;
        var rounded = Math.round(wan * 10000) / 10000;
        var text = wan >= 100 ? String(Math.round(wan * 100) / 100) : String(rounded);
        return (rounded === wan ? '合' : '约') + text.replace(/\B(?=(\d{3})+(?!\d)(?=\.|$))/g, ',') + '万元';
    }

    Array.prototype.forEach.call(document.querySelectorAll('input.cf-money'), function (input) {
        var reading = document.getElementById(input.id + '-wan');
        function show() { if (reading) { reading.textContent = tenThousands(toCents(input.value.trim())); } }
        input.addEventListener('input', show);
        input.addEventListener('blur', function () {
            var cents = toCents(input.value.trim());
            if (cents !== null) { input.value = withSeparators(cents); }
            show();
        });
    });

    // A blank that applies only to some choices follows the choice; one that holds a value stays shown.
    Array.prototype.forEach.call(document.querySelectorAll('.cf-cond[data-when]'), function (cond) {
        var control = document.getElementById(cond.getAttribute('data-when'));
        var values = (cond.getAttribute('data-when-values') || '').split(' ');
        var field = cond.querySelector('.cf-cond-field');
        var note = cond.querySelector('.cf-na');
        if (!control || !field || !note) { return; }
        function sync() {
            var typed = field.querySelector('input');
            var applies = values.indexOf(control.value) >= 0 || (typed !== null && typed.value.trim() !== '');
            field.hidden = !applies;
            note.hidden = applies;
        }
        control.addEventListener('change', sync);
    });

    // 第十条: who holds a copy follows 资金监管 and the payment method.
    var holders = document.getElementById('CopyHolders');
    var escrow = document.getElementById('FundsThroughEscrow');
    var method = document.getElementById('PaymentMethod');
    if (holders && escrow && method) {
        var LOANS = ['CommercialLoan', 'HousingFundLoan', 'CombinedLoan'];
        var syncHolders = function () {
            var list = ['甲方', '乙方', '不动产登记机构'];
            if (escrow.value === 'true') { list.push('资金监管机构'); }
            if (LOANS.indexOf(method.value) >= 0) { list.push('贷款银行'); }
            holders.textContent = list.join('、');
        };
        escrow.addEventListener('change', syncHolders);
        method.addEventListener('change', syncHolders);
    }
})();
