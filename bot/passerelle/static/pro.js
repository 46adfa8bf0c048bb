/* Page des travailleurs sociaux : résultats instantanés (POST /api/v1/eligibilite), impression,
   réservation d'un rendez-vous des droits avec l'accord de la personne. Textes via textContent.
   La situation ne part avec la réservation que si la case « résumé » est cochée ; les droits du
   résumé sont recalculés par le serveur (rien de calculé ici n'est envoyé). */
(function () {
  "use strict";

  var formulaire = document.getElementById("situation");
  var etat = document.getElementById("etat");
  var zoneDroits = document.getElementById("droits");
  var boutonImprimer = document.getElementById("imprimer");
  var recap = document.getElementById("recap-situation");
  // Le registre des droits (droits/registre.yaml), mis dans la page par le serveur.
  var DROITS = JSON.parse(document.getElementById("registre-droits").textContent);
  var NOMS = {};
  DROITS.forEach(function (d) { NOMS[d.id] = d.titre; });
  // Langue des résultats (issue 13) : les phrases viennent du serveur dans cette langue ; les titres des
  // cartes et les noms des droits aussi ; de droite à gauche pour l'arabe, le dari, le pachto.
  var REGISTRES = JSON.parse(document.getElementById("registre-langues").textContent);
  var TEXTES_RESULTATS = JSON.parse(document.getElementById("textes-resultats").textContent);
  var LANGUES = JSON.parse(document.getElementById("langues").textContent);
  function langueChoisie() {
    var code = formulaire.querySelector("[name=__langue]").value || "fr";
    for (var i = 0; i < LANGUES.length; i++) { if (LANGUES[i].code === code) { return LANGUES[i]; } }
    return LANGUES[0];
  }
  var STATUTS = {
    eligible: "Oui, sans doute", probable: "Oui, sans doute", oui: "Oui, sans doute",
    non_eligible: "Sans doute non", non: "Sans doute non", ineligible: "Sans doute non",
    a_verifier: "À vérifier", incertain: "À vérifier"
  };
  var derniers = null;
  var numeroRequete = 0;
  var attente = null;

  function el(nom, classe, texte) {
    var e = document.createElement(nom);
    if (classe) { e.className = classe; }
    if (texte !== undefined && texte !== null) { e.textContent = texte; }
    return e;
  }
  function vider(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function texteDe(x) {
    if (x === null || x === undefined) { return ""; }
    if (typeof x === "string" || typeof x === "number") { return String(x); }
    return x.libelle || x.texte || x.nom || x.resume || x.message || JSON.stringify(x);
  }

  function situation() {
    var s = {};
    Array.prototype.forEach.call(formulaire.querySelectorAll(".champ"), function (div) {
      var nom = div.dataset.champ, type = div.dataset.type;
      if (type === "booleen") {
        var coche = div.querySelector("input[type=radio]:checked");
        if (coche && coche.value !== "") { s[nom] = coche.value === "true"; }
      } else if (type === "choix") {
        var v = div.querySelector("select").value;
        if (v !== "") { s[nom] = v; }
      } else if (type === "liste") {
        var valeurs = Array.prototype.map.call(
          div.querySelectorAll("input[name='" + nom + "']:checked"), function (c) { return c.value; });
        var aucune = div.querySelector("input[name='" + nom + "__aucune']").checked;
        if (valeurs.length) { s[nom] = valeurs; } else if (aucune) { s[nom] = []; }
      } else {
        var entree = div.querySelector("input[type=number]");
        var nsp = div.querySelector("input[name='" + nom + "__nsp']");
        if (entree.value !== "" && !nsp.checked) {
          var n = Number(entree.value);
          s[nom] = type === "entier" ? Math.trunc(n) : n;
        }
      }
    });
    return s;
  }

  function libelleChamp(nom) {
    var div = formulaire.querySelector(".champ[data-champ='" + nom + "']");
    var l = div && (div.querySelector("legend") || div.querySelector("label"));
    return l ? l.textContent.trim() : nom;
  }

  function valeurLisible(nom, v) {
    if (v === true) { return "Oui"; }
    if (v === false) { return "Non"; }
    var div = formulaire.querySelector(".champ[data-champ='" + nom + "']");
    if (Array.isArray(v)) {
      if (!v.length) { return "Aucune"; }
      return v.map(function (x) {
        var c = div.querySelector("input[value='" + x + "']");
        return c ? c.parentNode.textContent.trim() : x;
      }).join(", ");
    }
    var option = div && div.querySelector("option[value='" + v + "']");
    return option ? option.textContent.trim() : String(v);
  }

  function effacerErreurs() {
    Array.prototype.forEach.call(formulaire.querySelectorAll(".erreur"), function (p) {
      p.hidden = true; p.textContent = "";
    });
    Array.prototype.forEach.call(formulaire.querySelectorAll("[aria-invalid]"), function (e) {
      e.removeAttribute("aria-invalid");
    });
  }

  function montrerErreur(champ, message) {
    var p = document.getElementById("erreur-" + champ);
    etat.textContent = "Une réponse pose problème : " + libelleChamp(champ) + ". " + message;
    if (p) {
      p.textContent = message; p.hidden = false;
      var entree = p.parentNode.querySelector("input, select");
      if (entree) { entree.setAttribute("aria-invalid", "true"); }
    }
  }

  function verifier() {
    var s = situation();
    var numero = ++numeroRequete;
    var params = new URLSearchParams();
    params.set("forme", formulaire.querySelector("[name=__forme]").value);
    params.set("langue", langueChoisie().code);
    var date = formulaire.querySelector("[name=__date]").value;
    if (date) { params.set("date", date); }
    etat.textContent = "Calcul en cours…";
    fetch("/api/v1/eligibilite?" + params.toString(), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(s)
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (d) { return { r: r, d: d }; });
    }).then(function (x) {
      if (numero !== numeroRequete) { return; }
      effacerErreurs();
      if (x.r.status === 422 && x.d) {
        montrerErreur(x.d.champ || "situation", x.d.message || "Valeur refusée.");
        return;
      }
      if (!x.r.ok || !x.d) {
        etat.textContent = "Le calcul n'est pas disponible pour le moment. Réessayez dans un instant.";
        return;
      }
      derniers = { situation: s, resultats: x.d };
      afficher(s, x.d);
    }).catch(function () {
      if (numero === numeroRequete) { etat.textContent = "Le serveur ne répond pas. Réessayez dans un instant."; }
    });
  }

  function liste(parent, titre, elements) {
    elements = (elements || []).map(texteDe).filter(Boolean);
    if (!elements.length) { return; }
    parent.appendChild(el("h4", null, titre));
    var ul = el("ul");
    elements.forEach(function (t) { ul.appendChild(el("li", null, t)); });
    parent.appendChild(ul);
  }

  function afficher(s, res) {
    vider(zoneDroits);
    var jour = res.date || new Date().toISOString().slice(0, 10);
    document.getElementById("recap-date").textContent = "Évaluation du " + jour + ".";
    var dl = document.getElementById("recap-liste");
    vider(dl);
    Object.keys(s).forEach(function (nom) {
      dl.appendChild(el("dt", null, libelleChamp(nom)));
      dl.appendChild(el("dd", null, valeurLisible(nom, s[nom])));
    });
    if (!Object.keys(s).length) { dl.appendChild(el("dd", null, "Aucune réponse saisie.")); }
    recap.hidden = false;
    var droits = res.droits || {};
    var langue = langueChoisie();
    var tr = langue.code === "fr" ? null : TEXTES_RESULTATS[langue.code];
    var noms = {};
    (REGISTRES[langue.code] || DROITS).forEach(function (d) { noms[d.id] = d.titre; });
    zoneDroits.setAttribute("lang", langue.bcp47);
    zoneDroits.setAttribute("dir", langue.sens === "rtl" ? "rtl" : "ltr");
    DROITS.map(function (d) { return d.id; }).forEach(function (cle) {
      var d = droits[cle];
      if (!d) { return; }
      var carte = el("article", "carte statut-" + String(d.statut || "inconnu"));
      carte.setAttribute("data-droit", cle);
      var h = el("h3");
      var img = document.createElement("img");
      img.src = "/static/pictos/" + cle + ".svg"; img.alt = ""; img.width = 40; img.height = 40;
      img.setAttribute("aria-hidden", "true");
      h.appendChild(img);
      h.appendChild(el("span", null, noms[cle] || NOMS[cle]));
      carte.appendChild(h);
      var statutTraduit = tr && tr.statuts[{ probable: "eligible", oui: "eligible", non: "non_eligible",
        ineligible: "non_eligible", incertain: "a_verifier" }[d.statut] || d.statut];
      carte.appendChild(el("p", "statut", statutTraduit || STATUTS[d.statut] || String(d.statut || "").replace(/_/g, " ")));
      if (d.resume) { carte.appendChild(el("p", "resume", d.resume)); }
      if (typeof d.montant_mensuel === "number") {
        carte.appendChild(el("p", null, "Montant estimé : " + Math.round(d.montant_mensuel) + " € par mois."));
      }
      liste(carte, tr ? tr.pourquoi : "Pourquoi", d.raisons);
      liste(carte, "À préciser pour être sûr", (d.manquants || []).map(function (m) {
        return typeof m === "string" ? libelleChamp(m) : m;
      }));
      liste(carte, tr ? tr.a_apporter : "Documents à apporter", d.pieces);
      var lieux = d.ou_aller || [];
      if (lieux.length) {
        carte.appendChild(el("h4", null, tr ? tr.ou_aller : "Où aller"));
        lieux.forEach(function (l) {
          var div = el("div", "lieu");
          div.appendChild(el("p", "lieu-nom", l.nom || ""));
          [l.adresse, l.horaires, l.telephone ? "Tél. " + l.telephone : null].forEach(function (t) {
            if (t) { div.appendChild(el("p", null, texteDe(t))); }
          });
          if (l.verifie === false) { div.appendChild(el("p", "aide", "Informations à vérifier avant d'y aller.")); }
          carte.appendChild(div);
        });
      }
      zoneDroits.appendChild(carte);
    });
    var rdd = res.rendez_vous_des_droits;
    var zoneRdd = document.getElementById("rdv-des-droits");
    vider(zoneRdd);
    if (rdd && (rdd.recommande || typeof rdd === "string")) {
      zoneRdd.appendChild(el("h3", null, "Rendez-vous des droits : conseillé"));
      if (typeof rdd === "string") { zoneRdd.appendChild(el("p", null, rdd)); }
      liste(zoneRdd, "Pourquoi", rdd.raisons);
      zoneRdd.hidden = false;
    } else { zoneRdd.hidden = true; }
    etat.textContent = "Résultats à jour.";
    boutonImprimer.disabled = false;
    document.body.setAttribute("data-resultats", String(Date.now()));
  }

  function plusTard() { clearTimeout(attente); attente = setTimeout(verifier, 250); }

  // « Ne sait pas » et la saisie s'excluent.
  formulaire.addEventListener("input", function (e) {
    var t = e.target;
    if (t.type === "number") {
      var nsp = formulaire.querySelector("input[name='" + t.name + "__nsp']");
      if (nsp) { nsp.checked = t.value === ""; }
    } else if (t.type === "checkbox" && /__nsp$/.test(t.name)) {
      var nom = t.name.replace(/__nsp$/, "");
      var n = formulaire.querySelector("input[type=number][name='" + nom + "']");
      if (n && t.checked) { n.value = ""; }
      if (t.checked) {
        Array.prototype.forEach.call(formulaire.querySelectorAll(
          "input[name='" + nom + "'], input[name='" + nom + "__aucune']"), function (c) {
          if (c.type === "checkbox") { c.checked = false; }
        });
      }
    } else if (t.type === "checkbox") {
      var base = t.name.replace(/__aucune$/, "");
      var caseNsp = formulaire.querySelector("input[name='" + base + "__nsp']");
      if (t.checked && caseNsp) { caseNsp.checked = false; }
      if (/__aucune$/.test(t.name) && t.checked) {
        Array.prototype.forEach.call(formulaire.querySelectorAll("input[name='" + base + "']"),
          function (c) { c.checked = false; });
      } else if (t.checked) {
        var aucune = formulaire.querySelector("input[name='" + base + "__aucune']");
        if (aucune) { aucune.checked = false; }
      }
    }
    plusTard();
  });
  formulaire.addEventListener("change", plusTard);
  formulaire.addEventListener("submit", function (e) { e.preventDefault(); verifier(); });
  formulaire.addEventListener("reset", function () { setTimeout(verifier, 0); });
  boutonImprimer.addEventListener("click", function () { window.print(); });

  // --- Rendez-vous des droits -------------------------------------------------------------
  var chercher = document.getElementById("rdv-chercher");
  var rdvEtat = document.getElementById("rdv-etat");
  if (chercher) {
    var accord = document.getElementById("rdv-accord");
    var accordResume = document.getElementById("rdv-resume");
    var reserver = document.getElementById("rdv-reserver");
    var listeCreneaux = document.getElementById("rdv-liste");
    var majBouton = function () {
      reserver.disabled = !(accord.checked && listeCreneaux.querySelector("input:checked"));
    };
    accord.addEventListener("change", majBouton);
    listeCreneaux.addEventListener("change", majBouton);
    // « Tout effacer » : une autre personne, donc un autre accord à demander.
    formulaire.addEventListener("reset", function () {
      accord.checked = false;
      if (accordResume) { accordResume.checked = false; }
      majBouton();
    });
    var dateLisible = function (iso) {
      try {
        return new Date(iso).toLocaleString("fr-FR", {
          weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
          timeZone: "Europe/Paris"
        });
      } catch (e) { return iso; }
    };
    chercher.addEventListener("click", function () {
      rdvEtat.textContent = "Recherche des créneaux…";
      fetch("/api/v1/creneaux", { headers: { Accept: "application/json" } }).then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      }).then(function (creneaux) {
        vider(listeCreneaux);
        var items = Array.isArray(creneaux) ? creneaux : (creneaux.creneaux || []);
        items.slice(0, 12).forEach(function (c, i) {
          var lab = el("label", "creneau");
          var radio = document.createElement("input");
          radio.type = "radio"; radio.name = "creneau"; radio.value = c.id;
          if (i === 0) { radio.id = "rdv-premier"; }
          lab.appendChild(radio);
          var lieu = c.lieu ? (c.lieu.nom || "") + (c.lieu.adresse ? ", " + c.lieu.adresse : "") : "";
          lab.appendChild(document.createTextNode(" " + (c.libelle || (dateLisible(c.debut) + " : " + lieu))));
          listeCreneaux.appendChild(lab);
        });
        document.getElementById("rdv-creneaux").hidden = false;
        rdvEtat.textContent = items.length ? items.length + " créneau(x) proposé(s)." :
          "Aucun créneau libre. Appelez la CAF au 3230.";
        majBouton();
      }).catch(function () {
        rdvEtat.textContent = "La réservation ne répond pas. Appelez la CAF au 3230.";
      });
    });
    reserver.addEventListener("click", function () {
      var choisi = listeCreneaux.querySelector("input:checked");
      if (!accord.checked || !choisi) { return; }
      var corps = { creneau_id: isNaN(Number(choisi.value)) ? choisi.value : Number(choisi.value), canal: "pro" };
      var tel = document.getElementById("rdv-telephone").value.trim();
      if (tel) { corps.telephone = tel; }
      // Case « résumé » vide : ni la situation ni l'accord ne partent.
      if (accordResume && accordResume.checked) {
        corps.consentement_resume = true;
        corps.situation = situation();
      }
      reserver.disabled = true;
      rdvEtat.textContent = "Réservation en cours…";
      fetch("/api/v1/rendez-vous", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(corps)
      }).then(function (r) {
        return r.json().catch(function () { return null; }).then(function (d) { return { r: r, d: d }; });
      }).then(function (x) {
        if (x.r.status === 401) {
          // Réserver pour quelqu'un demande un compte professionnel (journal de qui réserve pour qui).
          window.location.assign("/pro/connexion");
          return;
        }
        if (x.r.status === 201 && x.d) {
          rdvEtat.textContent = "Rendez-vous réservé. Code : " + x.d.code + ". Donnez ce code à la personne. " +
            (x.d.jeton ? "Gardez aussi ce jeton pour changer le rendez-vous : " + x.d.jeton + ". " : "") +
            (corps.telephone ? "Un code arrive par SMS : la personne répond à ce SMS pour confirmer son numéro. " : "") +
            (x.d.resume_partage ? "L'agent de la CAF pourra voir le résumé." : "Aucun résumé n'est partagé.");
          document.body.setAttribute("data-rdv-code", x.d.code);
          document.body.setAttribute("data-rdv-resume", x.d.resume_partage ? "1" : "0");
          // L'accord valait pour ce rendez-vous : il faudra le redemander pour un autre.
          accord.checked = false;
          if (accordResume) { accordResume.checked = false; }
          majBouton();
        } else {
          var detail = x.d && x.d.detail;
          if (detail && detail.erreur === "situation_invalide" && detail.champ) {
            // Le champ fautif est nommé par son libellé et marqué dans le formulaire.
            var nom = String(detail.champ).replace(/^situation\.?/, "") || "situation";
            montrerErreur(nom, "Corrigez cette réponse, ou décochez la case du résumé.");
            rdvEtat.textContent = "Le rendez-vous n'est pas réservé. Une réponse pose problème : " +
              libelleChamp(nom) + ".";
            majBouton();
            return;
          }
          var msg = detail && (typeof detail === "string" ? detail : detail.fr);
          rdvEtat.textContent = msg || "La réservation a échoué. Choisissez un autre créneau.";
          majBouton();
        }
      }).catch(function () {
        rdvEtat.textContent = "La réservation ne répond pas. Appelez la CAF au 3230.";
        majBouton();
      });
    });
  }

  verifier();
})();
