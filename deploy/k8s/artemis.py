perms_all = ('send,consume,createAddress,deleteAddress,createDurableQueue,deleteDurableQueue,createNonDurableQueue,'
             'deleteNonDurableQueue,manage,browse,view,edit')
def security(central):
    everything = perms_all.split(',')
    matches = [('#', {})]
    if central:
        matches += [('sw.in.provinces', {'province-310000': ['send']}),
                    ('sw.out.province.310000', {'province-310000': ['send', 'consume', 'browse']}),
                    ('DLQ.sw.out.province.310000', {'province-310000': ['send', 'consume', 'browse']})]
    s = '''    <security-settings>
      <!-- as BrokerPermissions gives an embedded broker (README, "Broker users and TLS"); one element per permission
           type, naming the roles that have it -->'''
    for match, others in matches:
        s += f'''
      <security-setting match="{match}">'''
        for t in everything:
            roles = ['node'] + [r for r, granted in others.items() if t in granted]
            s += f'''
        <permission type="{t}" roles="{','.join(roles)}"/>'''
        s += '''
      </security-setting>'''
    s += '''
    </security-settings>'''
    return s

def addresses(central):
    if not central:
        return ''
    out = '''
    <!-- the queues provinces use exist from the start: no province may create any -->
    <addresses>'''
    for q in ['sw.in.provinces', 'sw.out.province.310000', 'DLQ.sw.out.province.310000']:
        out += f'''
      <address name="{q}"><anycast><queue name="{q}"/></anycast></address>'''
    return out + '''
    </addresses>'''

def broker(name, ha, self_host, peer_host, central):
    connectors = cluster = haxml = cluster_acceptor = ''
    if ha:
        connectors = f'''
    <connectors>
      <connector name="self">tcp://{self_host}:61617</connector>
      <connector name="peer">tcp://{peer_host}:61617</connector>
    </connectors>'''
        cluster_acceptor = '''
      <!-- replication between the pair, inside the cluster network -->
      <acceptor name="cluster">tcp://0.0.0.0:61617?protocols=CORE</acceptor>'''
        cluster = '''
    <cluster-user>cluster</cluster-user>
    <cluster-password>${sw.cluster.password}</cluster-password>
    <cluster-connections>
      <cluster-connection name="pair">
        <connector-ref>self</connector-ref>
        <static-connectors><connector-ref>peer</connector-ref></static-connectors>
      </cluster-connection>
    </cluster-connections>'''
        part = '<primary><check-for-active-server>true</check-for-active-server></primary>' if ha == 'primary' \
            else '<backup><allow-failback>true</allow-failback></backup>'
        haxml = f'''
    <ha-policy><replication>{part}</replication></ha-policy>'''
    text = f'''<?xml version="1.0" encoding="UTF-8"?>
<configuration xmlns="urn:activemq" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xsi:schemaLocation="urn:activemq /schema/artemis-configuration.xsd">
  <core xmlns="urn:activemq:core">
    <name>{name}</name>
    <persistence-enabled>true</persistence-enabled>
    <journal-type>NIO</journal-type>
    <paging-directory>data/paging</paging-directory>
    <bindings-directory>data/bindings</bindings-directory>
    <journal-directory>data/journal</journal-directory>
    <large-messages-directory>data/large-messages</large-messages-directory>
    <jmx-management-enabled>false</jmx-management-enabled>
    <security-enabled>true</security-enabled>{connectors}
    <acceptors>
      <!-- CORE only, TLS: nodes dial in here (the password from the pod's environment) -->
      <acceptor name="core">tcp://0.0.0.0:61616?protocols=CORE;sslEnabled=true;keyStoreType=PKCS12;keyStorePath=/etc/sw-tls/broker.p12;keyStorePassword=${{sw.tls.password}}</acceptor>{cluster_acceptor}
    </acceptors>{cluster}{haxml}
{security(central)}
    <address-settings>
      <!-- the node parks what cannot succeed itself (ErrorPolicy): the broker never dead-letters on its own -->
      <address-setting match="#">
        <max-delivery-attempts>-1</max-delivery-attempts>
        <redelivery-delay>1000</redelivery-delay>
        <dead-letter-address>DLA</dead-letter-address>
        <auto-create-dead-letter-resources>true</auto-create-dead-letter-resources>
        <dead-letter-queue-prefix>DLQ.</dead-letter-queue-prefix>
        <expiry-address>ExpiryQueue</expiry-address>
      </address-setting>
    </address-settings>{addresses(central)}
  </core>
</configuration>'''
    return '\n'.join('    ' + l for l in text.split('\n'))

def statefulset(name, config, secret, ha):
    cluster_env = f'''
            - name: CLUSTER_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {secret}
                  key: cluster-password''' if ha else ''
    props = '-Dsw.tls.password=$(TLS_PASSWORD)' + (' -Dsw.cluster.password=$(CLUSTER_PASSWORD)' if ha else '')
    cluster_port = '''
            - name: cluster
              containerPort: 61617''' if ha else ''
    return f'''apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {name}
  labels:
    app.kubernetes.io/name: {name}
    app.kubernetes.io/component: broker
spec:
  serviceName: {name}
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
        app.kubernetes.io/component: broker
    spec:
      securityContext:
        runAsNonRoot: true
        fsGroup: 1001
      containers:
        - name: artemis
          image: apache/activemq-artemis:2.43.0
          ports:
            - name: core
              containerPort: 61616{cluster_port}
          env:
            - name: TLS_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: broker-tls
                  key: key-store-password{cluster_env}
            # read by the java launcher itself: the placeholders of broker.xml, and the heap
            - name: JDK_JAVA_OPTIONS
              value: "{props} -Xmx768m"
          readinessProbe:
            tcpSocket:
              port: core
            periodSeconds: 10
          livenessProbe:
            tcpSocket:
              port: core
            initialDelaySeconds: 60
            periodSeconds: 20
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              memory: 1536Mi
          volumeMounts:
            - name: data
              mountPath: /var/lib/artemis-instance/data
            # the image copies etc-override over the instance's etc at start: broker.xml, users and roles
            - name: etc
              mountPath: /var/lib/artemis-instance/etc-override
              readOnly: true
            - name: tls
              mountPath: /etc/sw-tls
              readOnly: true
      volumes:
        - name: etc
          projected:
            sources:
              - configMap:
                  name: {config}
                  items:
                    - key: broker.xml
                      path: broker.xml
              - secret:
                  name: {secret}
                  items:
                    - key: artemis-users.properties
                      path: artemis-users.properties
                    - key: artemis-roles.properties
                      path: artemis-roles.properties
        - name: tls
          secret:
            secretName: broker-tls
            items:
              - key: broker.p12
                path: broker.p12
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 10Gi
'''

def service(name, ha):
    cluster = '''
    - name: cluster
      port: 61617''' if ha else ''
    return f'''apiVersion: v1
kind: Service
metadata:
  name: {name}
  labels:
    app.kubernetes.io/name: {name}
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
    - name: core
      port: 61616{cluster}
'''

def configmap(name, xml):
    return f'''apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}
data:
  broker.xml: |
{xml}
'''

docs = []
for half, peer in [('primary', 'backup'), ('backup', 'primary')]:
    n = 'artemis-central-' + half
    docs += [configmap(n, broker('central-' + half, half, n, 'artemis-central-' + peer, True)), service(n, True),
             statefulset(n, n, 'artemis-central', True)]
open('artemis-central.yaml', 'w').write('''# Central's broker: an Artemis replication pair (primary and backup, each with its own journal on its own volume).
# Generated by deploy/k8s/artemis.py (edit it, not this file). The backup copies every write of the primary and
# takes over when the primary is gone; central's pods and the provinces list both (SW_BROKER_URL,
# SW_CENTRAL_BROKER_URL with ha=true) and follow the live one. A pair can split on a network partition: production
# runs three brokers for a quorum (Artemis "pluggable quorum") or a platform's managed Artemis. Users, roles and the
# TLS key store come from the secrets artemis-central and broker-tls (secrets.example.yaml).
''' + '---\n'.join(docs))
n = 'artemis-310000'
open('artemis-310000.yaml', 'w').write('''# Shanghai's own broker (one Artemis; a pair as for central when the province runs at scale): the province's pods
# publish their outbox here and the uplink forwards it to central. Generated by deploy/k8s/artemis.py. Users and the
# TLS key store come from the secrets artemis-310000 and broker-tls (secrets.example.yaml).
''' + '---\n'.join([configmap(n, broker('province-310000', None, None, None, False)), service(n, False),
                    statefulset(n, n, n, False)]))
