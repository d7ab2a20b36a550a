document.getElementById('app')?.setAttribute('data-ready', 'true');
